// Catches render errors (and failed page-chunk loads after a redeploy) and offers a reload.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('UI error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const en = document.documentElement.lang === 'en';
    return (
      <Result
        status="error"
        title={en ? 'Something went wrong on this page' : '页面出错了'}
        subTitle={this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {en ? 'Reload' : '刷新页面'}
          </Button>
        }
      />
    );
  }
}
