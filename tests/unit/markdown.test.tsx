// @vitest-environment jsdom
// (Testing Library renders into a DOM.)
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown, parseMarkdown } from '../../src/ui/markdown';

describe('markdown renderer', () => {
  it('parses headings, lists, tables, quotes and paragraphs', () => {
    const blocks = parseMarkdown(
      '# Title\n\nSome *text*.\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n> said',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'table', 'quote']);
  });

  it('renders markup in a document as text, never as HTML', () => {
    const { container } = render(
      <Markdown source={'Hello <img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shifts heading levels under the page heading and renders tables with column headers', () => {
    render(<Markdown source={'# Codebook\n\n| score | meaning |\n|---|---|\n| +3 | coercion |'} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Codebook' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'score' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'coercion' })).toBeInTheDocument();
  });
});
