// Strings of the broker tab's Kafka port card and client badges (namespace "pgKafka"), in English and Russian.
import { registerStrings } from '../../../i18n';

registerStrings('pgKafka', {
  en: {
    title: 'Kafka port',
    off: 'Real Kafka clients (kafkajs, kcat, aiokafka, confluent-kafka) can connect to this broker. The port listens on 127.0.0.1 only and is off until you open it.',
    portLabel: 'Port',
    open: 'Open a Kafka port',
    close: 'Close the port',
    isOpen: 'Open at {{host}}:{{port}}: {{connections}} connection(s), {{members}} client member(s) in groups.',
    bootstrap: 'Bootstrap server for your client:',
    openOnStart: 'Open it when the app starts',
    errors: {
      KAFKA_PORT_IN_USE: 'Port {{port}} is already taken by another program (maybe a real Kafka). Choose another port, for example {{next}}.',
      KAFKA_PORT_NOT_PERMITTED: 'The system does not allow listening on port {{port}}. Choose a port above 1024.',
      KAFKA_LISTEN_FAILED: 'Could not open port {{port}}.',
    },
    origin: { kafka: 'Kafka client', app: 'in the app' },
    originHelp: { kafka: 'A real client connected through the Kafka port', app: 'A consumer running inside the playground' },
  },
  ru: {
    title: 'Порт Kafka',
    off: 'К этому брокеру могут подключиться настоящие клиенты Kafka (kafkajs, kcat, aiokafka, confluent-kafka). Порт слушает только 127.0.0.1 и закрыт, пока вы его не откроете.',
    portLabel: 'Порт',
    open: 'Открыть порт Kafka',
    close: 'Закрыть порт',
    isOpen: 'Открыт на {{host}}:{{port}}: подключений — {{connections}}, клиентов в группах — {{members}}.',
    bootstrap: 'Адрес bootstrap-сервера для вашего клиента:',
    openOnStart: 'Открывать при запуске приложения',
    errors: {
      KAFKA_PORT_IN_USE: 'Порт {{port}} уже занят другой программой (возможно, настоящей Kafka). Выберите другой порт, например {{next}}.',
      KAFKA_PORT_NOT_PERMITTED: 'Система не разрешает слушать порт {{port}}. Выберите порт больше 1024.',
      KAFKA_LISTEN_FAILED: 'Не удалось открыть порт {{port}}.',
    },
    origin: { kafka: 'клиент Kafka', app: 'в приложении' },
    originHelp: { kafka: 'Настоящий клиент, подключённый через порт Kafka', app: 'Потребитель, работающий внутри песочницы' },
  },
});
