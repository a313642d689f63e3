import { audioPlan } from '../../containers/shared/audio-plan';
import { LayoutReader, channelCount } from '../../containers/shared/layout';
import { LevelMeter } from '../../containers/shared/levels';
import { SILENCE_DBFS } from '../../lib/media-status';

describe('audioPlan', () => {
  it('takes a whole track as stereo 48 kHz and meters it', () => {
    const p = audioPlan({ source: { track: 2 } }, [2, 2]);
    expect(p.filter).toMatch(
      /^\[0:a:1\]aresample=48000,aformat=.*channel_layouts=stereo,asplit\[aout\]\[meter\];\[meter\].*astats.*anullsink$/,
    );
    expect(p).toMatchObject({ source: 'track 2', missing: false, floorMissing: false });
    expect(p.floor).toBeUndefined();
  });

  it('takes one or two channels of track 1 with pan', () => {
    expect(audioPlan({ source: { channels: [3, 4] } }, [6]).filter).toContain(
      '[0:a:0]pan=stereo|c0=c2|c1=c3',
    );
    expect(audioPlan({ source: { channels: [5] } }, [6]).filter).toContain(
      'pan=stereo|c0=c4|c1=c4',
    );
  });

  it('mixes the floor under the language at mixDb, without renormalizing', () => {
    const p = audioPlan(
      { source: { track: 2 }, floor: { source: { track: 1 }, mixDb: -18 } },
      [2, 2],
    );
    expect(p.filter).toContain('[0:a:0]aresample=48000');
    expect(p.filter).toContain('volume=-18dB[floor]');
    expect(p.filter).toContain('[lang][floor]amix=inputs=2:normalize=0');
    expect(p).toMatchObject({ source: 'track 2', floor: { source: 'track 1', mixDb: -18 } });
  });

  it('turns a missing source into silence on the feed clock, and names it', () => {
    const p = audioPlan({ source: { track: 3 } }, [2, 2]);
    expect(p.filter).toMatch(/^\[0:a:0\].*volume=0,/);
    expect(p.missing).toBe(true);
    expect(audioPlan({ source: { channels: [7, 8] } }, [6]).missing).toBe(true);
  });

  it('sends the language alone when the floor is missing, and says so', () => {
    const p = audioPlan({ source: { track: 1 }, floor: { source: { track: 4 }, mixDb: -18 } }, [2]);
    expect(p).toMatchObject({ missing: false, floorMissing: true });
    expect(p.filter).not.toContain('amix');
  });

  it('generates silence when the feed has no audio at all', () => {
    expect(audioPlan({ source: { track: 1 } }, []).filter).toMatch(/^anullsrc=r=48000:cl=stereo,/);
  });
});

describe('LayoutReader', () => {
  it("reads the input's audio streams and ignores the output's", () => {
    const layouts: (readonly number[])[] = [];
    const r = new LayoutReader((l) => layouts.push(l));
    for (const line of [
      "Input #0, concat, from '/tmp/x/ingest.ffconcat':",
      '  Stream #0:0: Video: h264 (High), yuv420p, 640x360, 25 fps',
      '  Stream #0:1: Audio: aac (LC) ([15][0][0][0] / 0x000F), 48000 Hz, stereo, fltp, 129 kb/s',
      '  Stream #0:2[0x102](spa): Audio: s302m (BSSD / 0x44535342), 48000 Hz, 5.1(side), s16, 5761 kb/s',
      "Output #0, mpegts, to 'pipe:1':",
      '  Stream #0:1: Audio: aac (LC), 48000 Hz, stereo, fltp',
    ]) {
      r.line(line);
    }
    expect(layouts).toEqual([[2, 6]]);
  });

  it('counts channels of named and numbered layouts', () => {
    expect(['mono', 'stereo', 'quad', '5.1(side)', '7.1', '16 channels'].map(channelCount)).toEqual(
      [1, 2, 4, 6, 8, 16],
    );
  });
});

describe('LevelMeter', () => {
  it('keeps the highest peak and the mean power of the last seconds', () => {
    const m = new LevelMeter();
    const read = (peak: number, rms: number, at: number): void => {
      m.line(`[Parsed_ametadata_5 @ 0x1] lavfi.astats.Overall.Peak_level=${peak}`, at);
      m.line(`[Parsed_ametadata_6 @ 0x2] lavfi.astats.Overall.RMS_level=${rms}`, at);
    };
    read(-6, -20, 0);
    read(-12, -20, 100);
    expect(m.level(200)).toEqual({ peakDbfs: -6, rmsDbfs: -20 });
    // Old readings leave the window.
    read(-30, -40, 5000);
    expect(m.level(5000)).toEqual({ peakDbfs: -30, rmsDbfs: -40 });
  });

  it('reports digital silence as SILENCE_DBFS, and no level before any audio', () => {
    const m = new LevelMeter();
    expect(m.level(0)).toEqual({ peakDbfs: null, rmsDbfs: null });
    m.line('lavfi.astats.Overall.Peak_level=-inf', 0);
    m.line('lavfi.astats.Overall.RMS_level=-inf', 0);
    expect(m.level(10)).toEqual({ peakDbfs: SILENCE_DBFS, rmsDbfs: SILENCE_DBFS });
  });
});
