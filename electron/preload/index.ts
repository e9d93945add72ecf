import { contextBridge, ipcRenderer } from 'electron';
import { exposeKefuApi } from './exposeApi';

// Sandboxed preload (built as CommonJS): everything it does is in exposeApi.ts, tested without Electron.
exposeKefuApi(contextBridge, ipcRenderer);
