/** The order of a snooze's two writes: its record first, then the dismiss upstream (and the record undone if that fails). */
import { describe, expect, it } from 'vitest';
import { SettableClock } from './clock.ts';
import type { GatewayOutcome, NotificationGateway } from './notification-gateway.ts';
import { SnoozeService } from './snooze-service.ts';
import { SnoozeStore } from './snooze-store.ts';

const NOW = Date.UTC(2026, 10, 1, 12);
const HOUR = 3_600_000;
const DISMISSED: GatewayOutcome = {
  ok: true,
  notification: { dismissed: true, read: false, lastActionAt: '2026-11-01T11:00:00Z' },
};

function setUp(dismiss: (id: string) => Promise<GatewayOutcome>) {
  const store = new SnoozeStore(':memory:');
  const clock = new SettableClock(() => 0);
  clock.set(NOW);
  const calls: string[] = [];
  const gateway: NotificationGateway = {
    dismiss: (id) => {
      calls.push(`dismiss ${id}: record ${store.get('demo', id)?.state ?? 'none'}`);
      return dismiss(id);
    },
    undismiss: () => Promise.resolve(DISMISSED),
    inspect: () => Promise.resolve(DISMISSED),
  };
  const service = new SnoozeService({ store, clock, gatewayFor: () => gateway });
  return { store, service, gateway, calls };
}

describe('scheduling a snooze', () => {
  it('writes its record before it dismisses, and keeps the notification’s last action', async () => {
    const { store, service, gateway, calls } = setUp(() => Promise.resolve(DISMISSED));
    const snooze = await service.schedule('demo', '7', NOW + HOUR, gateway);
    expect(calls).toEqual(['dismiss 7: record scheduled']);
    expect(snooze).toMatchObject({ id: '7', state: 'scheduled' });
    expect(store.get('demo', '7')).toMatchObject({ lastActionAt: '2026-11-01T11:00:00Z' });
  });

  it('dismisses nothing when the record cannot be written (a full disk)', async () => {
    const { store, service, gateway, calls } = setUp(() => Promise.resolve(DISMISSED));
    const full = Object.assign(new Error('database or disk is full'), {
      code: 'ERR_SQLITE_ERROR',
      errcode: 13,
    });
    store.schedule = () => {
      throw full;
    };
    await expect(service.schedule('demo', '7', NOW + HOUR, gateway)).rejects.toBe(full);
    expect(calls).toEqual([]);
  });

  it('undoes the record when Productive refuses the dismiss, or it cannot be reached', async () => {
    const refused = setUp(() => Promise.resolve({ ok: false, status: 502 }));
    await expect(
      refused.service.schedule('demo', '7', NOW + HOUR, refused.gateway),
    ).rejects.toMatchObject({ status: 502 });
    expect(refused.store.get('demo', '7')).toBeNull();

    const thrown = setUp(() => Promise.reject(new Error('socket hang up')));
    await expect(thrown.service.schedule('demo', '7', NOW + HOUR, thrown.gateway)).rejects.toThrow(
      'socket hang up',
    );
    expect(thrown.store.get('demo', '7')).toBeNull();
  });

  it('puts back a snooze it was replacing when the new dismiss fails', async () => {
    let answer: GatewayOutcome = DISMISSED;
    const { store, service, gateway } = setUp(() => Promise.resolve(answer));
    await service.schedule('demo', '7', NOW + HOUR, gateway);
    const before = store.get('demo', '7');
    answer = { ok: false, status: 429 };
    await expect(service.schedule('demo', '7', NOW + 5 * HOUR, gateway)).rejects.toMatchObject({
      status: 429,
    });
    expect(store.get('demo', '7')).toEqual(before);
  });
});
