import { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { freeTcpPort, freeUdpPort } from '../../containers/support/media';
import { exited, launch } from '../../containers/support/procs';

const ROOT = join(__dirname, '..', '..', '..');

export interface RunningMixer {
  readonly proc: ChildProcess;
  readonly programPort: number;
  readonly slidesPort: number;
  readonly healthPort: number;
  readonly logs: () => string;
  get(path: string, token?: string): Promise<{ code: number; body: string }>;
}

export function httpGet(
  port: number,
  path: string,
  token?: string,
): Promise<{ code: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        timeout: 2000,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', () => resolve({ code: 0, body: '' }));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** The container mixer's entry point, configured only through its environment, as ACI does. */
export async function startContainerMixer(env: Record<string, string>): Promise<RunningMixer> {
  const programPort = await freeUdpPort();
  const slidesPort = await freeUdpPort();
  const healthPort = await freeTcpPort();
  const proc = launch(
    'nice',
    [
      process.execPath,
      '-r',
      'ts-node/register/transpile-only',
      'containers/language-mixer/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        MIXER_INPUT_PORTS: `${programPort},${slidesPort}`,
        HEALTH_PORT: String(healthPort),
        ...env,
      },
    },
  );
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    proc,
    programPort,
    slidesPort,
    healthPort,
    logs: () => out,
    get: (path, token) => httpGet(healthPort, path, token),
  };
}

/** YouTube's door, played by ffmpeg: one RTMP publish, stream-copied to a file. */
export function startRtmpReceiver(port: number, key: string, file: string, seconds: number) {
  return launch('nice', [
    ...['ffmpeg', '-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
    ...['-listen', '1', '-i', `rtmp://127.0.0.1:${port}/live/${key}`],
    ...['-c', 'copy', '-t', String(seconds), '-f', 'flv', file],
  ]);
}

/** A venue-like program feed: test pattern and a stereo tone, over SRT with the passphrase. */
export function pushProgram(uri: string, toneHz: number, seconds: number): ChildProcess {
  return launch('nice', [
    ...['ffmpeg', '-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30'],
    ...['-f', 'lavfi', '-i', `sine=frequency=${toneHz}:sample_rate=48000`],
    ...['-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30'],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '2', '-ar', '48000', '-f', 'mpegts', uri],
  ]);
}

/**
 * Slides: white, H.264, no audio. 1920x1080 is what the splitter sends a mixer; 3840x1080 is
 * what the venue sends the splitter, with a red left quarter that the splitter's centre crop
 * removes.
 */
export function pushSlides(uri: string, seconds: number, size = '1920x1080'): ChildProcess {
  const pattern =
    size === '3840x1080'
      ? 'color=white:size=3840x1080:rate=5,drawbox=x=0:y=0:w=960:h=1080:color=red:t=fill'
      : `color=white:size=${size}:rate=5`;
  return launch('nice', [
    ...['ffmpeg', '-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', pattern, '-t', String(seconds)],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '5', '-pix_fmt', 'yuv420p'],
    ...['-f', 'mpegts', uri],
  ]);
}

/** A process's exit code, or a clear failure when it is still running after `ms`. */
export async function exitedWithin(p: ChildProcess, ms: number, what: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    exited(p),
    new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    }),
  ]);
  clearTimeout(timer);
  if (code === 'late') throw new Error(`${what} still running after ${ms} ms`);
  return code ?? -1;
}
