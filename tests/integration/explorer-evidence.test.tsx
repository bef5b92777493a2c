import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chartFigure, observationsTable, renderExplorer } from './explorer-helpers';

function point(name: RegExp) {
  return within(chartFigure()).getByRole('button', { name });
}

describe('evidence behind every point', () => {
  it('opens from a clicked point with quote, speaker, date, theme, kind, score, rationale, confidence and source', async () => {
    const { user } = await renderExplorer();
    await user.click(point(/^Donald Trump, 19 Feb 2025, score −1: Trump says he trusts Russia/));
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(within(panel).getByRole('blockquote')).toHaveTextContent(
      'I do. I think the Russians want to see the war end, I really do,',
    );
    const facts = (term: string) => within(panel).getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(facts('Speaker')).toHaveTextContent('Donald Trump');
    expect(facts('Date')).toHaveTextContent('19 Feb 2025');
    expect(facts('Date')).toHaveTextContent('Exact day. Wednesday night before publication.');
    expect(facts('Theme')).toHaveTextContent('Diplomacy');
    expect(facts('Kind')).toHaveTextContent('Statement (words)');
    expect(facts('Score')).toHaveTextContent('−1 (conciliatory)');
    expect(facts('Score')).toHaveTextContent('Verbal warmth: trust in Russia’s good faith (−1).');
    expect(facts('Confidence')).toHaveTextContent('High');
    expect(facts('Source')).toHaveTextContent('What’s really behind Trump’s abrupt pivot to Russia?');
    expect(facts('Source')).toHaveTextContent('Outlet not given · Feb 2025');
    expect(within(panel).getByRole('heading', { name: 'Evidence' })).toHaveFocus();
  });

  it('says how a month-only date was resolved', async () => {
    const { user } = await renderExplorer();
    await user.click(point(/^US Congress, Mar 2025 \(month only\)/));
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(panel).toHaveTextContent('Known only to the month; drawn at the 15th and left out of the line.');
    expect(panel).toHaveTextContent('The source gives only the month.');
  });

  it('opens from the keyboard (Tab to the points, arrows, Enter) and Escape returns focus to the point', async () => {
    const { user } = await renderExplorer();
    act(() => screen.getByRole('button', { name: 'Key events' }).focus());
    // Tab past the rest of the toolbar to the first control inside the figure.
    for (let i = 0; i < 10 && !chartFigure().contains(document.activeElement); i++) await user.tab();
    const first = point(/^Russia, 18 Feb 2025/);
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const second = point(/^Donald Trump, 19 Feb 2025/);
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(panel).toHaveTextContent('Trump says he trusts Russia to negotiate in good faith.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(point(/^Donald Trump, 19 Feb 2025/)).toHaveFocus();
  });

  it('opens with Space and closes with the Close button, focus back on the point', async () => {
    const { user } = await renderExplorer();
    act(() => point(/^Donald Trump, 14 Jul 2025/).focus());
    await user.keyboard(' ');
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(panel).toHaveTextContent('Key event');
    expect(panel).toHaveTextContent('50-day deadline');
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('complementary', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(point(/^Donald Trump, 14 Jul 2025/)).toHaveFocus();
  });

  it('opens the same panel from a table row and returns focus to that row', async () => {
    const { user } = await renderExplorer();
    const rowButton = within(observationsTable()).getByRole('button', {
      name: 'Russia joins talks in Riyadh while keeping maximal demands.',
    });
    await user.click(rowButton);
    const panel = screen.getByRole('complementary', { name: 'Evidence' });
    expect(panel).toHaveTextContent('Sergey Lavrov');
    expect(panel).toHaveTextContent('+1 (hawkish)');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Evidence' })).not.toBeInTheDocument();
    expect(rowButton).toHaveFocus();
  });

  it('keeps the points one tab stop: Tab from a point leaves the set', async () => {
    const { user } = await renderExplorer();
    act(() => point(/^Russia, 18 Feb 2025/).focus());
    await user.tab();
    // The next stop after the points is the first key-event badge above the plot, not another point.
    expect(within(chartFigure()).getByRole('button', { name: /^Event 1, 14 Jul 2025/ })).toHaveFocus();
    expect(document.activeElement).not.toHaveAttribute('data-obs-id');
  });

  it('opens from a click anywhere on a row', async () => {
    const { user } = await renderExplorer();
    await user.click(within(observationsTable()).getByRole('cell', { name: 'Sen. Lindsey Graham (R-SC)' }));
    expect(screen.getByRole('complementary', { name: 'Evidence' })).toHaveTextContent(
      'A sanctions bill is introduced in the Senate.',
    );
  });
});
