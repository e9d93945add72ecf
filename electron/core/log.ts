export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string) => void;

/** The default log: one line per event on stderr, with a timestamp and level, so a user's bug report has it. */
export const consoleLog: Log = (level, message) => {
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}\n`);
};

export const silentLog: Log = () => {};
