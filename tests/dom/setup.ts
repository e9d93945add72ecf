import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../../renderer/src/i18n';
import './kefuWindow';

initI18n('en');
afterEach(() => cleanup());
