export * from './catalog';
export * from './queues';
export * from './connection';
export * from './realtime';
export * from './presence-sockets';
export * from './visitor-presence';
export * from './schedules';
export * from './within';
