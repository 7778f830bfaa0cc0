import { useTranslation } from 'react-i18next';
import { explain } from '../problems';

/** A refusal, read out to screen readers as it appears. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) {
    return null;
  }
  const explained = explain(error, t);
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{explained.title}</p>
      {explained.fields.length > 0 && (
        <ul>
          {explained.fields.map((f) => (
            <li key={f.field}><strong>{f.label}</strong>: {f.reason}</li>
          ))}
        </ul>
      )}
      {explained.detail && i18n.language === 'en' && <p>{explained.detail}</p>}
    </div>
  );
}

/** What a page shows until its data is there: the refusal if it was refused, else that it is loading. */
export function Pending({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? <ProblemMessage error={error} /> : <p className="loading">{t('app.loading')}</p>;
}
