// booking-service's answers as the pages use them (contracts/openapi/booking-service.json has them all).

export type AppointmentStatus = 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow';

export interface Appointment {
  id: string;
  patientId: string;
  patientName?: string;
  appointmentTypeId: string;
  practitionerId: string;
  roomId?: string;
  deviceId?: string;
  seriesId?: string;
  seriesPosition?: number;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  status: AppointmentStatus;
  cancellation?: { by: 'patient' | 'clinic'; reason: string; late: boolean };
  note?: string;
  schedulingRequestId?: string;
  planId?: string;
  flag?: string;
  flagReason?: string;
  version: number;
}

export interface Patient {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  email?: string;
  phone?: string;
  preferredLanguage: 'da' | 'nb' | 'en';
  reminderConsent?: boolean;
  version: number;
}

export interface Slot {
  start: string;
  end: string;
  localStart: string;
  practitionerId: string;
  practitionerName: string;
  roomId?: string;
  deviceId?: string;
  preferred: boolean;
}

export interface Series {
  id: string;
  patientId: string;
  appointmentTypeId: string;
  practitionerId: string;
  intervalDays: number;
  version: number;
  occurrences: Appointment[];
}

export interface OccurrenceFit {
  position: number;
  localStart: string;
  ok: boolean;
  reason?: string;
  detail?: string;
  resource?: { kind: string; id: string; name: string };
  alternatives?: Slot[];
}

export interface SchedulingRequest {
  id: string;
  patientId: string;
  planId: string;
  courseId: string;
  modality: string;
  sessions: number;
  intervalDays: number;
  practitionerPreference?: string;
  deviceNeeded: boolean;
  autoBook: boolean;
  reason: string;
  status: 'open' | 'booked' | 'closed';
  seriesId?: string;
  receivedAt: string;
}

export interface WaitlistEntry {
  id: string;
  patientId: string;
  appointmentTypeId: string;
  practitionerId?: string;
  localEarliest: string;
  localLatest: string;
  priority: number;
  status: 'waiting' | 'offered' | 'booked' | 'withdrawn';
  version: number;
}

export interface WaitlistOffer {
  id: string;
  entryId: string;
  patientId: string;
  appointmentTypeId: string;
  practitionerId: string;
  localStart: string;
  localEnd: string;
  expiresAt: string;
  status: 'open' | 'accepted' | 'expired' | 'declined';
  appointmentId?: string;
}

export interface HistoryEntry {
  at: string;
  by: string;
  action: string;
  details?: Record<string, unknown>;
}

export function patientName(p: Pick<Patient, 'givenName' | 'familyName'>): string {
  return `${p.givenName} ${p.familyName}`;
}

/** The ETag a change sends back in If-Match: the version the page read. */
export function etag(version: number): string {
  return `"${version}"`;
}
