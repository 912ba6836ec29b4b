// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDeviceData, discardOtherScopes, setDeviceScope } from '../../../lib/device-data.ts';
import { clearDraft, draftsStorageKey, loadDraft, saveDraft } from './drafts.ts';

const task = { kind: 'task', id: 12 } as const;
const deal = { kind: 'deal', id: 12 } as const;
const ana = { id: '7', name: 'Ana Kovač' };

describe('reply drafts', () => {
  beforeEach(() => {
    localStorage.clear();
    setDeviceScope('demo');
  });
  afterEach(() => setDeviceScope('unscoped'));

  it('keeps one draft per item, in the scope’s storage key', () => {
    saveDraft(task, 'Hello @Ana Kovač', [ana]);
    saveDraft(deal, 'On the deal', []);
    expect(draftsStorageKey()).toBe('inbox.drafts:demo');
    expect(loadDraft(task)).toMatchObject({ text: 'Hello @Ana Kovač', mentions: [ana] });
    expect(loadDraft(deal)?.text).toBe('On the deal');
    expect(loadDraft({ kind: 'discussion', id: 12 })).toBeNull();
  });

  it('removes a draft that is cleared or emptied, and the key with the last one', () => {
    saveDraft(task, 'x', []);
    saveDraft(deal, 'y', []);
    clearDraft(task);
    expect(loadDraft(task)).toBeNull();
    saveDraft(deal, '   ', []);
    expect(localStorage.getItem('inbox.drafts:demo')).toBeNull();
  });

  it('is another scope’s no more after a change of person, and gone after Clear data', async () => {
    saveDraft(task, 'mine', []);
    discardOtherScopes('team:1:2');
    expect(localStorage.getItem('inbox.drafts:demo')).toBeNull();
    setDeviceScope('team:1:2');
    saveDraft(task, 'theirs', []);
    await clearDeviceData();
    expect(localStorage.length).toBe(0);
  });

  it('ignores what is not a draft', () => {
    localStorage.setItem('inbox.drafts:demo', JSON.stringify({ 'task:12': { text: 1 }, x: null }));
    expect(loadDraft(task)).toBeNull();
    localStorage.setItem('inbox.drafts:demo', '{broken');
    expect(loadDraft(task)).toBeNull();
  });
});
