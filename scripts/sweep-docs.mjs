#!/usr/bin/env node
// Documents only: `npm run sweep -- --compare --only document` over the given folders (default: the
// mat2 and exiftool corpora in ../shared/corpora). The checks live in scripts/sweep/documents.mjs.
// Usage: node scripts/sweep-docs.mjs [DIR...]   (never copies corpora into the repo)
import { sweepFamily } from './sweep/wrapper.mjs';

sweepFamily('document', ['mat2-tests-data', 'exiftool-t-images']);
