export * from './distance.js';
export * from './time-zone.js';
export * from './reverse-geocode.js';
export * from './basemap.js';
