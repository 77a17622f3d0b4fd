import { CHAT_CLOSE } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';
import { ChatClient } from './client.ts';
import { fakeEnv, joined, msg, ROOM } from './fake-env.ts';

function setup(options: { initial?: ConstructorParameters<typeof ChatClient>[0]['initial'] } = {}) {
  const fake = fakeEnv(Array.from({ length: 250 }, (_, i) => msg(i + 1)));
  const announced: string[] = [];
  const client = new ChatClient({
    room: ROOM,
    env: fake.env,
    announce: (text) => announced.push(text),
    ...(options.initial ? { initial: options.initial } : {}),
  });
  client.start();
  return { client, fake, announced };
}

const seqs = (client: ChatClient) => client.state.messages.map((m) => m.seq);

describe('joining', () => {
  it('joins without a last seen sequence on a first visit and shows the history it gets', () => {
    const { client, fake } = setup();
    expect(client.state.connection).toBe('connecting');
    fake.last().open();
    expect(fake.last().sent).toEqual([{ type: 'join', room: ROOM }]);
    fake.last().serve(joined([msg(1), msg(2), msg(3)]));
    expect(client.state.connection).toBe('connected');
    expect(seqs(client)).toEqual([1, 2, 3]);
    expect(client.state.you?.alias).toBe('Gentle Fern');
  });

  it('after server-rendered history, asks only for what came after it', () => {
    const { client, fake } = setup({ initial: { messages: [msg(4), msg(5)], latestSeq: 5, olderExist: true } });
    fake.last().open();
    expect(fake.last().sent).toEqual([{ type: 'join', room: ROOM, lastSeq: 5 }]);
    fake.last().serve(joined([msg(6)]));
    expect(seqs(client)).toEqual([4, 5, 6]);
  });

  it('ignores frames that do not parse as server events and events for other rooms', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1)]));
    fake.last().serveRaw('not json');
    fake.last().serveRaw(JSON.stringify({ type: 'message', room: ROOM, seq: 'two' }));
    fake.last().serve({ type: 'message', ...msg(2), room: 'another-room' });
    expect(seqs(client)).toEqual([1]);
  });
});

describe('live messages', () => {
  it('keeps one copy per sequence, in order, whatever the arrival order', () => {
    const { client, fake, announced } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1), msg(2)]));
    fake.last().serve({ type: 'message', ...msg(4) });
    fake.last().serve({ type: 'message', ...msg(2) });
    fake.last().serve({ type: 'message', ...msg(3) });
    fake.last().serve({ type: 'message', ...msg(4) });
    expect(seqs(client)).toEqual([1, 2, 3, 4]);
    expect(announced).toEqual(['Quiet Harbor: message 4', 'Quiet Harbor: message 3']);
  });

  it('drops removed messages live and on join, and never brings them back', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1), msg(2), msg(3)], { removed: [1] }));
    fake.last().serve({ type: 'removed', room: ROOM, seq: 2 });
    fake.last().serve({ type: 'message', ...msg(2) });
    expect(seqs(client)).toEqual([3]);
  });

  it('shows a deleted account’s messages with the placeholder in place, leaving the others as they were', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1), msg(2), msg(3)]));
    const before = client.state.messages.find((m) => m.seq === 2);
    fake.last().serve({ type: 'anonymized', room: ROOM, seqs: [1, 3, 9], alias: 'Deleted message', body: 'Gone.' });
    expect(client.state.messages.map((m) => [m.seq, m.alias, m.body])).toEqual([
      [1, 'Deleted message', 'Gone.'],
      [2, before?.alias, before?.body],
      [3, 'Deleted message', 'Gone.'],
    ]);
  });

  it('shows who is typing for a while, never ourselves, and clears it when their message arrives', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([]));
    fake.last().serve({ type: 'typing', room: ROOM, alias: 'Gentle Fern' });
    fake.last().serve({ type: 'typing', room: ROOM, alias: 'Quiet Harbor' });
    expect(client.state.typing).toEqual(['Quiet Harbor']);
    fake.last().serve({ type: 'message', ...msg(1, 'Quiet Harbor') });
    expect(client.state.typing).toEqual([]);
    fake.last().serve({ type: 'typing', room: ROOM, alias: 'Still Water' });
    fake.runTimers();
    expect(client.state.typing).toEqual([]);
  });
});

describe('room changes', () => {
  it('follows the room being closed and reopened by a moderator, and ignores other rooms', () => {
    const { client, fake } = setup();
    fake.last().open();
    const info = joined([]).room;
    fake.last().serve(joined([]));
    fake.last().serve({ type: 'room', room: { ...info, state: 'closed' } });
    expect(client.state.room?.state).toBe('closed');
    fake.last().serve({ type: 'room', room: { ...info, id: 'another-room', state: 'open' } });
    expect(client.state.room?.state).toBe('closed');
    fake.last().serve({ type: 'room', room: { ...info, state: 'open', slowModeSeconds: 30 } });
    expect(client.state.room).toMatchObject({ state: 'open', slowModeSeconds: 30 });
  });
});

describe('sending', () => {
  it('shows an acknowledged message at once as ours and skips its broadcast', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1)]));
    const id = client.send('hello, everyone');
    expect(fake.last().sentOfType('send')).toEqual([
      { type: 'send', room: ROOM, clientMsgId: id, body: 'hello, everyone' },
    ]);
    expect(client.state.pending.map((p) => p.status)).toEqual(['sending']);
    fake.last().serve({ type: 'ack', room: ROOM, clientMsgId: id, seq: 2, id: 'id-2' });
    fake.last().serve({ type: 'message', ...msg(2, 'Gentle Fern', 'hello, everyone') });
    expect(client.state.pending).toEqual([]);
    expect(client.state.messages.map((m) => [m.seq, m.mine, m.body])).toEqual([
      [1, false, 'message 1'],
      [2, true, 'hello, everyone'],
    ]);
  });

  it('holds a message with its reasons and gives it back for editing', () => {
    const { client, fake, announced } = setup();
    fake.last().open();
    fake.last().serve(joined([]));
    const id = client.send('you made him do it');
    fake.last().serve({
      type: 'held',
      room: ROOM,
      clientMsgId: id,
      labels: ['blame_shifting'],
      reasons: [{ label: 'blame_shifting', reason: 'It puts the blame on the hurt partner.', start: 0, end: 18 }],
    });
    expect(client.state.pending[0]).toMatchObject({ status: 'held', labels: ['blame_shifting'] });
    expect(client.state.pending[0]?.reasons).toEqual(['It puts the blame on the hurt partner.']);
    expect(announced.at(-1)).toContain('waiting');
    expect(client.takeBack(id)).toBe('you made him do it');
    expect(client.state.pending).toEqual([]);
  });

  it('marks a refused message failed and retries it with the same client id', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([]));
    const id = client.send('too fast');
    fake.last().serve({
      type: 'error',
      code: 'ERR_CHAT_SLOW_MODE',
      message: 'This room is in slow mode.',
      room: ROOM,
      clientMsgId: id,
      retryAt: '2026-11-23T21:00:30.000Z',
    });
    expect(client.state.pending[0]).toMatchObject({ status: 'failed', retryAt: '2026-11-23T21:00:30.000Z' });
    client.retry(id);
    expect(
      fake
        .last()
        .sentOfType('send')
        .map((e) => e.clientMsgId),
    ).toEqual([id, id]);
  });

  it('shows crisis resources to the sender', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([]));
    const id = client.send('I cannot go on');
    const resources = [{ name: 'Samaritans', contact: '116 123', note: 'Any time.' }];
    fake.last().serve({ type: 'crisis', room: ROOM, clientMsgId: id, message: 'You deserve support.', resources });
    expect(client.state.crisis).toEqual({ message: 'You deserve support.', resources });
    client.dismissCrisis();
    expect(client.state.crisis).toBeNull();
  });
});

describe('reconnecting', () => {
  it('reconnects with backoff and catches up from the last seen sequence, without duplicates', () => {
    const { client, fake, announced } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1), msg(2)]));
    fake.last().serve({ type: 'message', ...msg(3) });
    fake.last().drop();
    expect(client.state.connection).toBe('reconnecting');
    expect(fake.waiting().map((t) => t.ms)).toEqual([reconnectDelay(0, 0.5)]);

    fake.runTimers();
    expect(fake.sockets).toHaveLength(2);
    fake.last().drop(); // the server is still away
    expect(fake.waiting().map((t) => t.ms)).toEqual([reconnectDelay(1, 0.5)]);
    fake.runTimers();
    fake.last().open();
    expect(fake.last().sent).toEqual([{ type: 'join', room: ROOM, lastSeq: 3 }]);
    fake.last().serve(joined([msg(3), msg(4), msg(5)]));
    fake.last().serve({ type: 'message', ...msg(5) });
    fake.last().serve({ type: 'message', ...msg(6) });
    expect(client.state.connection).toBe('connected');
    expect(seqs(client)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(announced).toContain('2 new messages while you were away.');

    // A successful join resets the backoff.
    fake.last().drop();
    expect(fake.waiting().map((t) => t.ms)).toEqual([reconnectDelay(0, 0.5)]);
  });

  it('resends unacknowledged messages after a reconnect with the same client id', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1)]));
    const first = client.send('sent before the drop');
    fake.last().drop();
    const second = client.send('written while reconnecting');
    expect(client.state.pending.map((p) => p.status)).toEqual(['sending', 'sending']);

    fake.runTimers();
    fake.last().open();
    expect(fake.last().sentOfType('send')).toEqual([]); // not before the room is joined again
    fake.last().serve(joined([]));
    expect(
      fake
        .last()
        .sentOfType('send')
        .map((e) => [e.clientMsgId, e.body]),
    ).toEqual([
      [first, 'sent before the drop'],
      [second, 'written while reconnecting'],
    ]);
    // The first had been stored before the drop: the server answers its resend with the same sequence.
    fake.last().serve({ type: 'ack', room: ROOM, clientMsgId: first, seq: 2, id: 'id-2' });
    fake.last().serve({ type: 'ack', room: ROOM, clientMsgId: second, seq: 3, id: 'id-3' });
    fake.last().serve({ type: 'message', ...msg(3, 'Gentle Fern', 'written while reconnecting') });
    expect(client.state.pending).toEqual([]);
    expect(client.state.messages.map((m) => [m.seq, m.mine])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
  });

  it('goes quiet while offline and reconnects at once when back online', () => {
    const { client, fake } = setup();
    fake.last().open();
    fake.last().serve(joined([msg(1)]));
    fake.state.online = false;
    client.setOnline(false);
    expect(client.state.connection).toBe('offline');
    expect(fake.sockets[0]?.closedWith).toBe(1000);
    expect(fake.waiting()).toEqual([]);

    fake.state.online = true;
    client.setOnline(true);
    expect(fake.sockets).toHaveLength(2);
    expect(client.state.connection).toBe('reconnecting');
    fake.last().open();
    expect(fake.last().sent).toEqual([{ type: 'join', room: ROOM, lastSeq: 1 }]);
  });

  it('does not reconnect once the session ended or access was withdrawn', () => {
    const signedOut = setup();
    signedOut.fake.last().open();
    signedOut.fake.last().serve(joined([]));
    signedOut.fake.last().drop(CHAT_CLOSE.SESSION_ENDED);
    expect(signedOut.client.state).toMatchObject({ connection: 'ended', ended: 'signed_out' });
    expect(signedOut.fake.waiting()).toEqual([]);

    const removed = setup();
    removed.fake.last().open();
    removed.fake.last().serve(joined([]));
    removed.fake.last().serve({ type: 'left', room: ROOM });
    removed.fake.last().drop(1000);
    expect(removed.client.state).toMatchObject({ connection: 'ended', ended: 'removed' });
    expect(removed.fake.waiting()).toEqual([]);

    const missing = setup();
    missing.fake.last().open();
    missing.fake.last().serve({ type: 'error', code: 'ERR_NOT_FOUND', message: 'We could not find that.', room: ROOM });
    expect(missing.client.state).toMatchObject({ connection: 'ended', ended: 'not_found' });
  });
});

describe('a session that ended while away', () => {
  it('stops retrying once refused upgrades turn out to mean signed out', async () => {
    const { client, fake } = setup();
    fake.state.signedIn = false;
    fake.last().drop();
    fake.runTimers();
    fake.last().drop();
    fake.runTimers();
    expect(client.state.connection).toBe('reconnecting');
    fake.last().drop();
    await Promise.resolve();
    await Promise.resolve();
    expect(client.state).toMatchObject({ connection: 'ended', ended: 'signed_out' });
    expect(fake.waiting()).toEqual([]);
  });

  it('keeps retrying while still signed in (the server is just away)', async () => {
    const { client, fake } = setup();
    for (let i = 0; i < 4; i++) {
      fake.last().drop();
      fake.runTimers();
    }
    await Promise.resolve();
    await Promise.resolve();
    expect(client.state.connection).toBe('reconnecting');
    expect(fake.sockets).toHaveLength(5);
  });
});

describe('leaving', () => {
  it('a quick exit drops the socket without a leave event; a normal leave says so', () => {
    const quick = setup();
    quick.fake.last().open();
    quick.fake.last().serve(joined([]));
    quick.client.stop({ silent: true });
    expect(quick.fake.last().sentOfType('leave')).toEqual([]);
    expect(quick.fake.last().closedWith).toBe(1000);
    quick.fake.last().drop(1000);
    expect(quick.fake.waiting()).toEqual([]);

    const normal = setup();
    normal.fake.last().open();
    normal.fake.last().serve(joined([]));
    normal.client.stop();
    expect(normal.fake.last().sentOfType('leave')).toEqual([{ type: 'leave', room: ROOM }]);
  });
});

describe('paging', () => {
  it('fills a gap marker page by page from the history endpoint', async () => {
    const { client, fake } = setup({ initial: { messages: [msg(1)], latestSeq: 1, olderExist: false } });
    fake.last().open();
    const latest = Array.from({ length: 50 }, (_, i) => msg(201 + i));
    fake.last().serve(joined(latest, { gap: { afterSeq: 1, beforeSeq: 201 } }));
    expect(client.state.gap).toEqual({ afterSeq: 1, beforeSeq: 201 });
    await client.loadMissed();
    expect(client.state.gap).toEqual({ afterSeq: 101, beforeSeq: 201 });
    await client.loadMissed();
    expect(client.state.gap).toBeNull();
    expect(seqs(client)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('loads older messages until there are none', async () => {
    const { client, fake } = setup({ initial: { messages: [msg(150)], latestSeq: 150, olderExist: true } });
    fake.last().open();
    await client.loadOlder();
    expect(seqs(client)[0]).toBe(50);
    expect(client.state.olderExist).toBe(true);
    await client.loadOlder();
    expect(seqs(client)[0]).toBe(1);
    expect(client.state.olderExist).toBe(false);
  });
});

describe('reconnectDelay', () => {
  it('doubles from half a second and stops growing at 30 s', () => {
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, 1))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelay(0, 0)).toBe(250);
    expect(reconnectDelay(20, 1)).toBe(30_000);
    expect(reconnectDelay(1000, 0)).toBe(15_000);
  });
});
