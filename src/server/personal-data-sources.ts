/**
 * Every module that holds personal data about contacts, for the GDPR data-subject export and erasure
 * (see src/modules/contacts/server/personal-data.ts). A module above contacts that stores data about
 * a person adds its source here.
 */
import type { PersonalDataSource } from '../modules/contacts'
import { interactionsPersonalData } from '../modules/interactions'

export const PERSONAL_DATA_SOURCES: readonly PersonalDataSource[] = [interactionsPersonalData]
