import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { contactsService } from './app.module';
import { ContactsConfig } from './config';

void runService(contactsService(loadConfig(ContactsConfig)));
