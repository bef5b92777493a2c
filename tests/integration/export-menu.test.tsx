import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderExplorer } from './explorer-helpers';

const ITEMS = [
  'Download PNG',
  'Download SVG',
  'Download CSV',
  'Download series CSV',
  'Download slide (PPTX)',
  'Download brief (PDF)',
  'Copy image',
  'Copy alt text',
];

const exportButton = () => screen.getByRole('button', { name: 'Export' });
const titleField = () => screen.getByRole('textbox', { name: 'Figure title' });

describe('Export menu', () => {
  it('is a menu button in the chart toolbar whose menu lists the eight exports by name', async () => {
    const { user } = await renderExplorer();
    const toolbar = screen.getByRole('toolbar', { name: 'Chart tools' });
    const button = within(toolbar).getByRole('button', { name: 'Export' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(ITEMS);
    expect(within(menu).getByRole('menuitem', { name: 'Download PNG' })).toHaveFocus();
  });

  it('follows the keyboard pattern: arrows move and wrap, Home/End, Escape closes and returns focus', async () => {
    const { user } = await renderExplorer();
    exportButton().focus();
    await user.keyboard('{Enter}');
    const item = (name: string) => screen.getByRole('menuitem', { name });
    expect(item('Download PNG')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('Download CSV')).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(item('Copy alt text')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Download PNG')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Copy alt text')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(exportButton()).toHaveFocus();
    expect(exportButton()).toHaveAttribute('aria-expanded', 'false');

    // Arrow up on the button opens the menu at its last item.
    await user.keyboard('{ArrowUp}');
    expect(item('Copy alt text')).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('closes when the user clicks elsewhere', async () => {
    const { user } = await renderExplorer();
    await user.click(exportButton());
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('offers a figure title that follows the view until the user edits it', async () => {
    const { user } = await renderExplorer();
    expect(titleField()).toHaveValue('Stance toward Russia, Feb–Jul 2025');

    const actors = screen.getByRole('group', { name: 'Actors' });
    await user.click(within(actors).getByRole('checkbox', { name: 'Russia' }));
    await user.click(within(actors).getByRole('checkbox', { name: 'US Congress' }));
    expect(titleField()).toHaveValue('Donald Trump: stance toward Russia, Feb–Jul 2025');

    await user.clear(titleField());
    await user.type(titleField(), 'Trump turns on Moscow');
    await user.click(within(actors).getByRole('checkbox', { name: 'Russia' }));
    expect(titleField()).toHaveValue('Trump turns on Moscow');

    await user.click(screen.getByRole('button', { name: 'Reset title' }));
    expect(titleField()).toHaveValue('Stance toward Russia, Feb–Jul 2025');
    expect(screen.queryByRole('button', { name: 'Reset title' })).not.toBeInTheDocument();
  });

  it('copies the alt text (actors and their mean scores) and says so', async () => {
    const { user } = await renderExplorer();
    await user.clear(titleField());
    await user.type(titleField(), 'My chart');
    await user.click(exportButton());
    await user.click(screen.getByRole('menuitem', { name: 'Copy alt text' }));
    await screen.findByText('Copied alt text to clipboard.');
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(
      /^My chart\. Line chart of stance scores from −3 \(Conciliatory\) to \+3 \(Hawkish\)/,
    );
    expect(copied).toContain('Donald Trump +0.5 (2 observations');
    expect(copied).toContain('Russia +1 (1 observation');
    expect(exportButton()).toHaveFocus();
  });

  it('explains when the browser cannot copy images', async () => {
    const { user } = await renderExplorer();
    // jsdom, like some browsers, has no ClipboardItem.
    expect(typeof globalThis.ClipboardItem).toBe('undefined');
    await user.click(exportButton());
    await user.click(screen.getByRole('menuitem', { name: 'Copy image' }));
    await waitFor(() =>
      expect(
        screen.getByText('Your browser does not allow copying images; use Download PNG instead.'),
      ).toBeInTheDocument(),
    );
  });
});
