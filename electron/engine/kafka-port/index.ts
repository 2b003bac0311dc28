// The Kafka wire protocol on 127.0.0.1 in front of the simulated broker, so real clients (kafkajs,
// librdkafka/kcat/confluent-kafka, aiokafka) produce to and consume from the app's own topics and
// groups. Node only (net, zlib); see docs/engine/broker.md, "The Kafka port".
export { openKafkaPort, KafkaPortError, DEFAULT_KAFKA_PORT, DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_CONNECTIONS, type KafkaPort, type KafkaPortOptions, type KafkaPortStats, type KafkaPortErrorCode } from './server';
export { SUPPORTED as SUPPORTED_APIS } from './apiKeys';
