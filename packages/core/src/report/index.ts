export * from './model.js';
export * from './strings.js';
export * from './build.js';
export * from './svg.js';
export * from './html.js';
