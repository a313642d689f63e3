/**
 * The mixer's uplink when the destination drops the session while a changed stream key waits
 * for its keyframe (commit 1cca15f): the reconnect publishes with the new key.
 *
 * In the running mixer the case is a race: the drop must come, and the reconnect's backoff
 * (0.5 s) run out, between the refresh that brings the key and the compositor's next keyframe,
 * which x264 places on its own clock. A keyframe first takes the ordinary switch path and
 * hides the case. So this test drives the real Uplink with the tags of a real ffmpeg encode,
 * choosing where keyframes fall, against the RTMP door (a real ffmpeg listener per session).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKeyframe } from '../../containers/language-mixer/flv';
import { Uplink } from '../../containers/language-mixer/uplink';
import { probe } from '../containers/support/media';
import { killAll, waitFor } from '../containers/support/procs';
import { exitedWithin } from '../mixers/support/mixer';
import { RtmpDoor } from './support/rtmp-door';

const OLD_KEY = 'canary-uplink-key-old';
const NEW_KEY = 'canary-uplink-key-new';
const FPS = 25;

let dir: string;
let door: RtmpDoor;
let uplink: Uplink | undefined;

/** An FLV file's header and its tags as byte ranges, with what each tag is. */
function flvTags(file: string): {
  head: Buffer;
  tags: { type: number; key: boolean; bytes: Buffer }[];
} {
  const buf = readFileSync(file);
  const start = buf.readUInt32BE(5) + 4;
  const tags = [];
  for (let at = start; at + 11 <= buf.length;) {
    const size = buf.readUIntBE(at + 1, 3);
    const type = buf.readUInt8(at) & 0x1f;
    const data = buf.subarray(at + 11, at + 11 + size);
    tags.push({
      type,
      // A coded keyframe (AVC NALU), not the sequence header or end-of-sequence tag.
      key: isKeyframe({ type, timestamp: 0, data }) && data[1] === 1,
      bytes: buf.subarray(at, at + 11 + size + 4),
    });
    at += 11 + size + 4;
  }
  return { head: buf.subarray(0, start), tags };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'uplink-drop-'));
});
afterAll(async () => {
  uplink?.close();
  await door?.close();
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('mixer uplink: session dropped while a new stream key waits for its keyframe', () => {
  it('reconnects with the new key, before any keyframe has passed', async () => {
    // Four seconds of 1080p video with a keyframe every second and none elsewhere.
    const source = join(dir, 'source.flv');
    execFileSync('ffmpeg', [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=${FPS}`, '-t', '4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
      ...['-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0'],
      ...['-f', 'flv', source],
    ]);
    const { head, tags } = flvTags(source);
    const keyframes = tags.flatMap((t, i) => (t.key ? [i] : []));
    expect(keyframes.length).toBe(4);

    door = await RtmpDoor.open(dir);
    const errors: string[] = [];
    const u = new Uplink(
      { secure: false, host: '127.0.0.1', port: door.port, app: 'live', streamKey: OLD_KEY },
      (m) => errors.push(m),
    );
    uplink = u;
    let next = 0;
    const pushUntil = (end: number) => {
      for (; next < end; next++) u.push(tags[next].bytes);
    };
    u.newStream();
    u.push(head);
    // Metadata and sequence header open the session; media goes once it is published.
    pushUntil(keyframes[0]);
    await waitFor('the first publish', () => u.publisher?.published === true, 15000);
    pushUntil(keyframes[1] - 10);
    await waitFor('the old key at the door', () => door.sessions[0]?.published(), 15000);
    expect(door.sessions[0].published()).toBe(OLD_KEY);

    // The key changes mid-GOP: it waits for the next keyframe...
    u.changeStreamKey(NEW_KEY);
    pushUntil(keyframes[1] - 8);
    expect(door.sessions).toHaveLength(1);
    // ...and the destination drops the session before that keyframe comes.
    door.sessions[0].drop();
    await waitFor('the drop seen', () => errors.length > 0, 10000);
    // Past the first backoff (0.5 s), the next non-key frame reconnects.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(tags[next].key).toBe(false);
    pushUntil(next + 1);
    await waitFor('the reconnect', () => u.publisher?.published === true, 15000);
    await waitFor('the second publish name', () => door.sessions[1]?.published(), 15000);
    expect(door.sessions.map((s) => s.published())).toEqual([OLD_KEY, NEW_KEY]);
    expect(next).toBeLessThan(keyframes[1]);

    // The new session takes media from the next keyframe on: decodable 1080p.
    pushUntil(tags.length);
    await new Promise((resolve) => setTimeout(resolve, 500));
    u.close();
    const second = door.sessions[1];
    expect(await exitedWithin(second.proc, 15000, 'the second session')).toBe(0);
    const got = await probe(second.file);
    expect(got.video).toMatchObject({ codec: 'h264', width: 1920, height: 1080 });
    // Three of the four seconds: from keyframe 1 on, every frame decoded.
    expect(got.video!.frames).toBeGreaterThanOrEqual(3 * FPS);
    expect(door.sessions).toHaveLength(2);
  }, 60000);
});
