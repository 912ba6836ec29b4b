// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseSession, readPageSession } from './session.ts';

describe('the page’s session', () => {
  it('is read from the meta tag the server writes', () => {
    const doc = document.implementation.createHTMLDocument('x');
    const meta = doc.createElement('meta');
    meta.name = 'inbox-session';
    meta.content = JSON.stringify({
      mode: 'team',
      signedIn: true,
      scope: 'team:1:2',
      person: { id: '2', name: 'Ana' },
      organization: { id: '1', name: 'Acme' },
    });
    doc.head.append(meta);
    expect(readPageSession(doc)).toEqual({
      mode: 'team',
      signedIn: true,
      scope: 'team:1:2',
      person: { id: '2', name: 'Ana' },
      organization: { id: '1', name: 'Acme' },
    });
  });

  it('is absent when the page has none, and refused when malformed', () => {
    expect(readPageSession(document.implementation.createHTMLDocument('x'))).toBeNull();
    expect(parseSession({ mode: 'root', signedIn: true })).toBeNull();
    expect(parseSession({ mode: 'team' })).toBeNull();
    expect(parseSession('team')).toBeNull();
    expect(parseSession({ mode: 'demo', signedIn: true, scope: 7, person: { id: 1 } })).toEqual({
      mode: 'demo',
      signedIn: true,
      scope: null,
      person: null,
      organization: null,
    });
  });
});
