export * from './system';
export * from './ports';
export * from './browser';
export * from './dovecot';
export * from './scenario';
