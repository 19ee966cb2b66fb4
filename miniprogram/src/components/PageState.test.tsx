import { fireEvent, render, screen } from '@testing-library/react';
import { PageState } from './PageState';

describe('PageState', () => {
  it("shows the server's Chinese message on error, and retries on tap", () => {
    let retries = 0;
    render(
      <PageState value={{ state: 'error', error: { code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' }, reload: () => retries++ }}>
        {() => <span>内容</span>}
      </PageState>,
    );
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(screen.queryByText('内容')).toBeNull();
    fireEvent.click(screen.getByText('重试'));
    expect(retries).toBe(1);
  });

  it('shows the empty state, then the content once there is some', () => {
    const { rerender } = render(
      <PageState value={{ state: 'ready', data: [] as string[], reload: () => undefined }} isEmpty={(d) => d.length === 0} emptyText="暂无开放的认定计划">
        {(d) => <span>{d.join()}</span>}
      </PageState>,
    );
    expect(screen.getByText('暂无开放的认定计划')).toBeTruthy();
    rerender(
      <PageState value={{ state: 'ready', data: ['上海', '北京'], reload: () => undefined }} isEmpty={(d) => d.length === 0}>
        {(d) => <span>{d.join()}</span>}
      </PageState>,
    );
    expect(screen.getByText('上海,北京')).toBeTruthy();
  });
});
