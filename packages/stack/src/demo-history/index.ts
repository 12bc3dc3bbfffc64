export { seedDemoHistory, type DemoHistoryResult } from './seed';
