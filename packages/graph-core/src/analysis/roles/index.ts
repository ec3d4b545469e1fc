export { DEFAULT_BROKER_OPTIONS, brokers, isolates, type BrokerOptions } from './brokers.js';
