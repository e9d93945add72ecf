import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from 'i18next';

/**
 * A render error never leaves the agent with a blank window: it says so in the agent's language and offers a way
 * back. The JavaScript error text is for bug reports (the console), never the screen. The store is untouched by a
 * renderer crash (the core holds the truth), so reloading loses nothing already sent.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Kefu Desk UI error: ${error.message}`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Center mih="100vh" p="xl">
        <Alert role="alert" color="red" variant="light" maw={560}>
          <Stack gap="sm" align="flex-start">
            <Title order={1} size="h3">
              {i18n.t('app.crashTitle')}
            </Title>
            <Text>{i18n.t('app.crashHint')}</Text>
            <Button onClick={() => location.reload()}>{i18n.t('app.reload')}</Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
}
