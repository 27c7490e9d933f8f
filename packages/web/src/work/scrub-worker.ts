/**
 * The cleaning worker: runs the same core as the CLI (format detection by content, a lossless plan,
 * then an independent read of the written output). The output Blob is assembled from the plan's
 * pieces: new bytes as arrays, `copy` ranges as `Blob.slice` of the input, so video data is never
 * copied into memory.
 */
import { CATEGORIES, planScrub, verifyScrubbed, type MetadataItem, type OutputPiece } from '@lowprofile/core';
import { blobSource } from './blob-source.js';
import type { ItemView, ScrubRequest, ScrubResult } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ScrubRequest>) => void) | null;
  postMessage(message: ScrubResult): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void handle(event.data).then((result) => scope.postMessage(result));
};

/** Plain items for the page, ordered by category as core lists them (location first). */
function view(items: readonly MetadataItem[]): ItemView[] {
  return items.map((item) => ({ category: item.category, label: item.label })).sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

/** Zero-filled ranges (blanked metadata samples inside video data) are parts of this shared buffer. */
const ZEROS = new Uint8Array(1 << 20);

export function assemble(pieces: readonly OutputPiece[], input: Blob, type: string): Blob {
  const parts: BlobPart[] = [];
  for (const piece of pieces) {
    // Blob copies views once; the cast only tells TypeScript the buffer is not shared.
    if (piece.kind === 'bytes') parts.push(piece.bytes as Uint8Array<ArrayBuffer>);
    else if (piece.kind === 'copy') parts.push(input.slice(piece.offset, piece.offset + piece.length));
    else for (let left = piece.length; left > 0; left -= ZEROS.length) parts.push(ZEROS.subarray(0, Math.min(left, ZEROS.length)));
  }
  return new Blob(parts, { type });
}

async function handle(request: ScrubRequest): Promise<ScrubResult> {
  const { id, file } = request;
  const options = { keepColourProfile: request.keepColourProfile };
  try {
    const plan = await planScrub(blobSource(file), options);
    const base = {
      id,
      removed: view(plan.removed),
      kept: view(plan.kept),
      notes: plan.notes,
      ...(plan.format ? { format: plan.format.label, mediaType: plan.format.mediaType, extension: plan.format.extensions[0] ?? '' } : {}),
    };
    if (plan.status === 'unsupported' || plan.status === 'failed') {
      return { ...base, status: plan.status, issueCode: plan.issue?.code ?? 'unknown-format', ...(plan.reason ? { detail: plan.reason } : {}) };
    }
    if (plan.status === 'already-clean') return { ...base, status: 'already-clean', output: file };
    const output = assemble(plan.pieces, file, plan.format?.mediaType ?? 'application/octet-stream');
    const verification = await verifyScrubbed(plan, blobSource(output), options);
    if (!verification.ok) return { ...base, status: 'failed', issueCode: 'not-verified', detail: verification.reason ?? '' };
    return { ...base, status: 'clean', output };
  } catch (error) {
    return { id, status: 'failed', removed: [], kept: [], notes: [], issueCode: 'crashed', detail: error instanceof Error ? error.message : String(error) };
  }
}
