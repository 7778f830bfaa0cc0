import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { booking } from './api';
import { useTranslation } from 'react-i18next';
import type { Language } from './i18n';

// What every reception page refers to: the clinic's settings and the practitioners, rooms, devices and appointment
// types in use. Loaded once after sign-in and again after the set-up pages change them.

export interface ClinicSettings {
  name: string;
  timeZone: string;
  lateCancellationNoticeHours: number;
  reminderLeadHours: number;
  waitlistOfferMinutes: number;
  slotStepMinutes: number;
}

export interface Practitioner {
  id: string;
  name: string;
  profession: 'physiotherapist' | 'osteopath' | 'chiropractor';
  modalities: string[];
  active: boolean;
  version: number;
}

export interface Room {
  id: string;
  name: string;
  roomKind: string;
  active: boolean;
  version: number;
}

export interface Device {
  id: string;
  name: string;
  deviceKind: string;
  active: boolean;
  version: number;
}

export interface LocalisedNames {
  da: string;
  nb: string;
  en: string;
}

export interface AppointmentType {
  id: string;
  code: string;
  name: LocalisedNames;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  modality: string;
  roomKind?: string;
  deviceKind?: string;
  active: boolean;
  version: number;
}

interface ClinicData {
  /** Whether the lists below have been read once: until then names and types are not known yet. */
  ready: boolean;
  settings: ClinicSettings | null;
  practitioners: Practitioner[];
  rooms: Room[];
  devices: Device[];
  types: AppointmentType[];
  reload: () => Promise<void>;
  practitioner: (id?: string) => Practitioner | undefined;
  room: (id?: string) => Room | undefined;
  device: (id?: string) => Device | undefined;
  type: (id?: string) => AppointmentType | undefined;
  typeName: (id?: string) => string;
  zone: string;
}

const ClinicContext = createContext<ClinicData | null>(null);

export function ClinicProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [practitioners, setPractitioners] = useState<Practitioner[]>([]);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [devices, setDevices] = useState<Device[]>([]);
  const [types, setTypes] = useState<AppointmentType[]>([]);
  const [ready, setReady] = useState(false);

  // Each list as far as the user's role may read it: a practitioner sees no rooms or devices, and still the calendar.
  // index.html asks for these same addresses while the scripts load: a change here belongs there too.
  const reload = useCallback(async () => {
    const [clinic, p, r, d, t] = await Promise.allSettled([
      booking.get<ClinicSettings>('/clinic'),
      booking.get<Practitioner[]>('/practitioners'),
      booking.get<Room[]>('/rooms'),
      booking.get<Device[]>('/devices'),
      booking.get<AppointmentType[]>('/appointment-types'),
    ]);
    setSettings(clinic.status === 'fulfilled' ? clinic.value.data : null);
    setPractitioners(p.status === 'fulfilled' ? p.value.data : []);
    setRooms(r.status === 'fulfilled' ? r.value.data : []);
    setDevices(d.status === 'fulfilled' ? d.value.data : []);
    setTypes(t.status === 'fulfilled' ? t.value.data : []);
    setReady(true);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<ClinicData>(() => ({
    ready,
    settings,
    practitioners,
    rooms,
    devices,
    types,
    reload,
    practitioner: (id) => practitioners.find((p) => p.id === id),
    room: (id) => rooms.find((r) => r.id === id),
    device: (id) => devices.find((d) => d.id === id),
    type: (id) => types.find((t) => t.id === id),
    typeName: (id) => {
      const type = types.find((t) => t.id === id);
      return type ? type.name[i18n.language as Language] ?? type.name.en : '';
    },
    zone: settings?.timeZone ?? 'Europe/Copenhagen',
  }), [ready, settings, practitioners, rooms, devices, types, reload, i18n.language]);

  return <ClinicContext.Provider value={value}>{children}</ClinicContext.Provider>;
}

export function useClinic(): ClinicData {
  const clinic = useContext(ClinicContext);
  if (!clinic) {
    throw new Error('useClinic outside ClinicProvider');
  }
  return clinic;
}
