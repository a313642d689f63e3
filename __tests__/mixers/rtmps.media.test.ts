import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { FlvReader } from '../../containers/language-mixer/flv';
import { RtmpPublisher } from '../../containers/language-mixer/rtmp';
import { freeTcpPort } from '../containers/support/media';
import { killAll } from '../containers/support/procs';
import { streamInfo, toneHz } from './support/analyze';
import { exitedWithin, startRtmpReceiver } from './support/mixer';

const KEY = 'rtmps-canary-key-3e';
let dir: string;
let tls: Server;
let tlsPort: number;
let rtmpPort: number;

/**
 * YouTube's door speaks RTMPS. ffmpeg cannot listen on rtmps://, so a TLS terminator with a
 * self-signed certificate for 127.0.0.1 stands in front of its plain RTMP listener.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rtmps-'));
  execFileSync('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
    ...['-addext', 'subjectAltName=IP:127.0.0.1'],
    ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
  ]);
  rtmpPort = await freeTcpPort();
  tlsPort = await freeTcpPort();
  tls = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (clear) => {
      const plain = connect(rtmpPort, '127.0.0.1');
      clear.pipe(plain).pipe(clear);
      plain.on('error', () => clear.destroy());
      clear.on('error', () => plain.destroy());
    },
  );
  await new Promise<void>((resolve) => tls.listen(tlsPort, '127.0.0.1', () => resolve()));
});
afterAll(async () => {
  await killAll();
  tls.close();
  rmSync(dir, { recursive: true, force: true });
});

const target = { secure: true, host: '127.0.0.1', port: 0, app: 'live', streamKey: KEY };

describe('RtmpPublisher over TLS', () => {
  it('refuses a destination whose certificate it cannot verify, without naming the key', async () => {
    const err = await RtmpPublisher.open({ ...target, port: tlsPort }, 5000).catch((e) => e);
    expect(err).toHaveProperty('message');
    expect(String(err.message)).toMatch(/certificate/);
    expect(String(err.message)).not.toContain(KEY);
  });

  it('publishes over RTMPS: the listener decodes 48 kHz stereo and the tone', async () => {
    const file = join(dir, 'received.flv');
    const receiver = startRtmpReceiver(rtmpPort, KEY, file, 3);
    await new Promise((r) => setTimeout(r, 500));
    const publisher = await RtmpPublisher.open(
      { ...target, port: tlsPort },
      10000,
      // The test's own certificate authority, as a trust anchor for this connection only.
      { ca: readFileSync(join(dir, 'cert.pem')) },
    );
    const ff = spawn('nice', [
      ...['ffmpeg', '-v', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=770:sample_rate=48000', '-t', '5'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '60', '-c:a', 'aac', '-ac', '2'],
      ...['-f', 'flv', 'pipe:1'],
    ]);
    const reader = new FlvReader((t) => {
      if (t.type === 18) publisher.sendMetadata(t.data);
      else if (t.type === 8 || t.type === 9) publisher.sendMedia(t.type, t.timestamp, t.data);
    });
    ff.stdout.on('data', (d: Buffer) => reader.push(d));
    expect(await exitedWithin(receiver, 30000, 'the RTMP listener')).toBe(0);
    ff.kill('SIGKILL');
    publisher.close();
    expect(await streamInfo(file)).toMatchObject({ sampleRate: 48000, channels: 2, width: 640 });
    expect(Math.abs((await toneHz(file, 0.5, 2)) - 770)).toBeLessThan(10);
  }, 60000);
});
