// Child of `npm run bench -- broker`, run under V8's --trace-gc-nvp: two rounds of the bench's produce
// and consume, each phase announced on stdout between V8's own lines, so the parent can add up what
// the collector did inside each phase of the second (warm) round (see gcTraceByPhase in broker.ts).
import { benchBroker, benchConsumers, consumeAll, inputBatches, orderText, produceAll } from './brokerWorkload';

for (let round = 0; round < 2; round++) {
  const broker = benchBroker();
  const batches = inputBatches(orderText);
  console.log(`phase produce ${round}`);
  produceAll(broker, batches);
  const consumers = benchConsumers(broker);
  console.log(`phase consume ${round}`);
  const { total } = consumeAll(consumers);
  console.log(`phase end ${round}`);
  if (total === 0) throw new Error('nothing consumed');
}
