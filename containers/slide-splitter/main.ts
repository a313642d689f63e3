import { runSupervisor } from '../shared/main';
import { splitterArgs } from './ffmpeg-args';

void runSupervisor('slide-splitter', 'slides', (cfg) => ({
  command: 'ffmpeg',
  args: splitterArgs(cfg.slideFit, cfg.outputWidth, cfg.outputHeight),
}));
