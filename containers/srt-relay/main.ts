import { runSupervisor } from '../shared/main';

// The program feed is copied byte for byte: no decoding, so no ffmpeg in this image.
void runSupervisor('srt-relay', 'program');
