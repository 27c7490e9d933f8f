export * from './geometry.js';
export * from './image.js';
export * from './models.js';
export * from './detector.js';
export * from './redact.js';
export * from './review.js';
export * from './bare-file.js';
export * from './jpeg-blocks.js';
