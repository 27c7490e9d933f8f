#!/usr/bin/env node
// Audio only: `npm run sweep -- --compare --only audio` over the given folders (default: the mat2
// and exiftool corpora in ../shared/corpora). The checks live in scripts/sweep/audio.mjs.
// Usage: node scripts/sweep-audio.mjs [DIR...]
import { sweepFamily } from './sweep/wrapper.mjs';

sweepFamily('audio', ['mat2-tests-data', 'exiftool-t-images']);
