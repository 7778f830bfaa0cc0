import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { treatment } from '../api';
import { ProblemMessage } from '../components/ProblemMessage';
import type { PatientSummary } from '../treatment/model';
import { formatDate } from '../time';

/** The practitioner finds a patient by the start of their name (treatment-service knows them from booking's events). */
export function PatientsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const name = params.get('name') ?? '';
  const [query, setQuery] = useState(name);
  const [found, setFound] = useState<PatientSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (name.trim().length < 2) {
      setFound(null);
      return;
    }
    let current = true;
    setError(null);
    treatment.get<PatientSummary[]>('/patients', { name: name.trim(), size: 20 })
      .then((r) => current && setFound(r.data), (e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [name]);

  return (
    <section>
      <h1>{t('practice.patients.title')}</h1>
      <form className="panel row" role="search" onSubmit={(e) => { e.preventDefault(); setParams({ name: query }); }}>
        <label>{t('practice.patients.search')}
          <input type="search" name="name" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <div className="actions"><button type="submit">{t('action.search')}</button></div>
      </form>
      <ProblemMessage error={error} />
      {found && (found.length === 0 ? <p>{t('patient.noneFound')}</p> : (
        <ul className="choices" aria-label={t('patient.found')}>
          {found.map((p) => (
            <li key={p.id}><Link to={`/patients/${p.id}`}>{p.givenName} {p.familyName}</Link> · {formatDate(p.birthDate)}</li>
          ))}
        </ul>
      ))}
    </section>
  );
}
