export * from './postgres';
export * from './redis';
export * from './paths';
export * from './demo';
export * from './seed-demo';
export * from './demo-history';
