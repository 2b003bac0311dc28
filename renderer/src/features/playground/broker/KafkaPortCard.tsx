// The broker tab's "Open a Kafka port" card: opens or closes the wire protocol on 127.0.0.1 in
// front of this broker, shows the address to give a real client, why opening failed (in the UI's
// language), and the desktop setting that opens it when the app starts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KAFKA_PORT_ERROR_CODES } from '@contract/methods/playground';
import { EngineError } from '../../../bridge/types';
import { usePlayground, type KafkaStatus as Status } from '../playgroundStore';
import './strings';

const KNOWN_ERRORS = KAFKA_PORT_ERROR_CODES.map((c) => `KAFKA_${c}`);

export function KafkaPortCard({ refreshKey }: { refreshKey: unknown }) {
  const { t } = useTranslation('pgKafka');
  const [status, setStatus] = useState<Status | null>(null);
  const [port, setPort] = useState('9092');
  const [error, setError] = useState<{ code: string; port: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [onStart, setOnStart] = useState(false);
  const { read, kafka } = usePlayground.getState();

  useEffect(() => {
    let live = true;
    void read.kafkaPort().then((s) => {
      if (!live) return;
      setStatus(s);
      if (s.error) setError({ code: `KAFKA_${s.error.code}`, port: s.error.port });
    });
    return () => {
      live = false;
    };
  }, [refreshKey]);
  useEffect(() => {
    void read.kafkaSetting().then((v) => {
      if (v && typeof v.openOnStart === 'boolean') setOnStart(v.openOnStart);
      if (v && typeof v.port === 'number') setPort(String(v.port));
    });
  }, []);

  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535;
  async function run(fn: () => Promise<Status>) {
    setBusy(true);
    try {
      setStatus(await fn());
      setError(null);
    } catch (e) {
      const code = e instanceof EngineError && KNOWN_ERRORS.includes(e.code) ? e.code : 'KAFKA_LISTEN_FAILED';
      setError({ code, port: portNumber });
    } finally {
      setBusy(false);
    }
  }
  async function toggleOnStart(next: boolean) {
    setOnStart(next);
    await kafka.saveSetting({ openOnStart: next, port: portValid ? portNumber : 9092 });
  }

  const open = status?.open === true;
  return (
    <section className="pg-card" data-testid="pg-kafka-port">
      <h3>{t('title')}</h3>
      {open ? (
        <>
          <p className="pg-small" data-testid="pg-kafka-status">
            {t('isOpen', { host: status.host, port: status.port, connections: status.connections, members: status.clientMembers })}
          </p>
          <p className="pg-small">
            {t('bootstrap')} <code data-testid="pg-kafka-bootstrap">{`${status.host}:${status.port}`}</code>
          </p>
          <button onClick={() => void run(() => kafka.close())} disabled={busy} data-testid="pg-kafka-close">
            {t('close')}
          </button>
        </>
      ) : (
        <>
          <p className="pg-small muted">{t('off')}</p>
          <div className="pg-row">
            <label className="pg-small">
              {t('portLabel')}{' '}
              <input value={port} onChange={(e) => setPort(e.target.value.trim())} inputMode="numeric" size={6} aria-invalid={!portValid} data-testid="pg-kafka-port-input" />
            </label>
            <button onClick={() => void run(() => kafka.open(portNumber))} disabled={busy || !portValid} data-testid="pg-kafka-open">
              {t('open')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="pg-small" role="alert" data-testid="pg-kafka-error">
          {t(`errors.${error.code}`, { port: error.port, next: error.port === 65535 ? 9093 : error.port + 1 })}
        </p>
      )}
      <label className="pg-small">
        <input type="checkbox" checked={onStart} onChange={(e) => void toggleOnStart(e.target.checked)} data-testid="pg-kafka-on-start" /> {t('openOnStart')}
      </label>
    </section>
  );
}

/** A small badge telling in-app consumers from real clients in a group's member list. */
export function OriginBadge({ origin }: { origin: 'app' | 'kafka' }) {
  const { t } = useTranslation('pgKafka');
  return (
    <span className={`pg-status ${origin === 'kafka' ? 'st-paid' : 'st-pending'}`} title={t(`originHelp.${origin}`)} data-testid={`pg-origin-${origin}`}>
      {t(`origin.${origin}`)}
    </span>
  );
}
