import { useEffect, useState } from 'react';
import { booking } from './api';
import { patientName, type Patient } from './model';

// Names of patients that lists (requests, the waitlist) refer to by id, looked up once each.
const names = new Map<string, Promise<string>>();

export function lookUpName(id: string): Promise<string> {
  let name = names.get(id);
  if (!name) {
    name = booking.get<Patient>(`/patients/${id}`).then((p) => patientName(p.data)).catch(() => '');
    names.set(id, name);
  }
  return name;
}

export function usePatientName(id: string | undefined): string {
  const [name, setName] = useState('');
  useEffect(() => {
    let current = true;
    if (id) {
      void lookUpName(id).then((n) => current && setName(n));
    }
    return () => {
      current = false;
    };
  }, [id]);
  return name;
}

export function PatientName({ id }: { id?: string }) {
  return <>{usePatientName(id)}</>;
}
