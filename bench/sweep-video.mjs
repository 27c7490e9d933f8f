#!/usr/bin/env node
// ISOBMFF video and HEIF only: `npm run sweep -- --compare --only video` over the given folders
// (default: every corpus in ../shared/corpora that holds such files). The checks live in
// scripts/sweep/video.mjs. Usage: node bench/sweep-video.mjs [DIR...]
import { sweepFamily } from '../scripts/sweep/wrapper.mjs';

sweepFamily('video', ['video-samples', 'exiftool-t-images', 'mat2-tests-data']);
