import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv-read';
import gdeltCsv from '../fixtures/gdelt-events-2020-11-13_15-sample.csv?raw';
import {
  bundledOpen,
  captureDownloads,
  csvFile,
  datasetBadge,
  fileInput,
  findDialog,
  legendNames,
  renderApp,
} from './import-helpers';

const SIMPLE = [
  'when,who,stance,topic,quote',
  '2025-02-19,Donald Trump,-1,Diplomacy,"I do. I think the Russians want to see the war end"',
  '2025-07-14,Donald Trump,2,Sanctions,"We\'re going to be doing secondary tariffs"',
  '2025-03,US Congress,2,Sanctions,sanctions bill',
].join('\n');

describe('opening a CSV file', () => {
  it('asks for the columns in a dialog with labelled selects and a preview, then opens the mapped data', async () => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), csvFile(SIMPLE, 'stances.csv'));
    const dialog = await findDialog('Map the columns of stances.csv');
    expect(dialog).toHaveTextContent('3 rows and 5 columns, separated by commas.');
    // The guess found only some columns; the user picks the rest.
    const date = within(dialog).getByRole('combobox', { name: 'Date (required)' });
    const actor = within(dialog).getByRole('combobox', { name: 'Actor (required)' });
    const score = within(dialog).getByRole('combobox', { name: 'Score (required)' });
    expect(date).toHaveDisplayValue('when');
    expect(actor).toHaveDisplayValue('— choose a column —');
    expect(within(dialog).getByText('Choose the column that holds the actor.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeDisabled();
    await user.selectOptions(actor, 'who');
    await user.selectOptions(score, 'stance');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Theme' }), 'topic');
    expect(within(dialog).getByRole('textbox', { name: 'Lowest possible score' })).toHaveValue('-3');
    expect(within(dialog).getByRole('radio', { name: 'more hawkish (kept as is)' })).toBeChecked();

    const preview = within(dialog).getByRole('table', { name: /^First 3 of 3 rows, as they will be read/ });
    expect(within(preview).getAllByRole('row')[1]).toHaveTextContent(
      '2025-02-19Donald Trump-1−1Diplomacystatement',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'stances.csv' })).toBeVisible();
    expect(screen.getByText('Opened stances.csv: 3 observations, 2 actors.')).toBeInTheDocument();
    expect(legendNames()).toEqual(['Donald Trump', 'US Congress']);
    expect(datasetBadge()).toHaveTextContent('Dataset: stances.csv (From a file)');
  });

  it('asks for the scale when the values fit no known one, then flips and rescales the range the user states', async () => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(
      fileInput(),
      csvFile('date,actor,score\n2025-01-01,A,10\n2025-01-02,A,-5\n', 'coop.csv'),
    );
    const dialog = await findDialog('Map the columns of coop.csv');
    const min = within(dialog).getByRole('textbox', { name: 'Lowest possible score' });
    const max = within(dialog).getByRole('textbox', { name: 'Highest possible score' });
    // Nothing is taken from the values' extremes (−5…10): the scale stays undeclared until stated.
    expect(min).toHaveValue('');
    expect(max).toHaveValue('');
    expect(within(dialog).getByRole('combobox', { name: 'Scale' })).toHaveDisplayValue(
      '— choose the scale —',
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      '"score" is a name used for This app’s stance scale (−3…+3, higher = more hawkish), but only 0 of 2 sampled values are on it: choose the scale, or state its range.',
    );
    expect(within(dialog).getByRole('list', { name: 'Before opening' })).toHaveTextContent(
      'Choose the scale of the score, or "Other" to state its range: it is never guessed from the values.',
    );
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeDisabled();
    await user.type(min, '-10');
    await user.type(max, '10');
    expect(within(dialog).getByRole('combobox', { name: 'Scale' })).toHaveDisplayValue(
      'Other: state the range below',
    );
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: /more conciliatory or cooperative/ }));
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('10−3');
    expect(rows[2]).toHaveTextContent('-5+1.5');
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeEnabled();
    await user.clear(max);
    await user.type(max, '-20');
    expect(
      within(dialog).getByText('The lowest possible score must be below the highest.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeDisabled();
  });

  it('a known scale chosen from the list fills the range; values outside it are counted before Open', async () => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(
      fileInput(),
      csvFile('date,actor,tone\n2025-01-01,A,-4.5\n2025-01-02,A,12\n', 'tone.csv'),
    );
    const dialog = await findDialog('Map the columns of tone.csv');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Score (required)' }), 'tone');
    const scale = within(dialog).getByRole('combobox', { name: 'Scale' });
    await user.selectOptions(scale, 'GDELT AvgTone (read as −10…+10, higher = more positive, flipped)');
    expect(within(dialog).getByRole('textbox', { name: 'Lowest possible score' })).toHaveValue('-10');
    expect(within(dialog).getByRole('radio', { name: /more conciliatory or cooperative/ })).toBeChecked();
    expect(dialog).toHaveTextContent(
      '1 sampled value is outside −10…+10. Such rows are listed as problems when you open the file, never stretched to fit.',
    );
  });

  it('reads a file with a BOM, ; separators, decimal commas and quoted line breaks', async () => {
    const text =
      '\uFEFFdate;actor;score;quote\r\n2025-01-01;A;1,5;"first line\r\nsecond; line"\r\n2025-01-02;B;-2;plain\r\n';
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), csvFile(text, 'semicolons.csv'));
    const dialog = await findDialog('Map the columns of semicolons.csv');
    expect(dialog).toHaveTextContent('2 rows and 4 columns, separated by semicolons.');
    expect(within(dialog).getByRole('combobox', { name: 'Date (required)' })).toHaveDisplayValue('date');
    expect(within(dialog).getByRole('combobox', { name: 'Quote' })).toHaveDisplayValue('quote');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('Opened semicolons.csv: 2 observations, 2 actors.')).toBeInTheDocument();
  });

  it('says which column is missing and keeps Open disabled', async () => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), csvFile('date,actor,comment\n2025-01-01,A,x\n', 'noscore.csv'));
    const dialog = await findDialog('Map the columns of noscore.csv');
    expect(within(dialog).getByRole('list', { name: 'Before opening' })).toHaveTextContent(
      'Choose the column that holds the score.',
    );
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lists bad rows by number, field and reason, opens the valid rows and offers the skipped ones as CSV', async () => {
    const text = [
      'date,actor,score',
      '2025-02-30,A,1',
      '2025-01-01,B,eleven',
      '2025-01-01,C,7',
      '2025-01-01,D',
      '2025-01-01,,1',
      '2025-01-02,E,1',
    ].join('\n');
    const downloads = captureDownloads();
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), csvFile(text, 'rows.csv'));
    const mapping = await findDialog('Map the columns of rows.csv');
    // 1, 7, 1, 1: too many values off −3…+3 for the name "score" to declare it; the user knows it is.
    await user.selectOptions(
      within(mapping).getByRole('combobox', { name: 'Scale' }),
      'This app’s stance scale (−3…+3, higher = more hawkish)',
    );
    await user.click(within(mapping).getByRole('button', { name: 'Open' }));
    const dialog = await findDialog('Problems in rows.csv');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '5 of 6 rows in rows.csv have problems and were left out; the other 1 can be opened.',
    );
    expect(
      within(within(dialog).getByRole('list', { name: 'Problems' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'row 2: date: "2025-02-30" is not a real calendar date',
      'row 3: score: "eleven" is not a number',
      'row 4: score: "7" is outside the declared scale −3…+3 (the range is not stretched to fit it)',
      'row 5: has 2 fields, but the header has 3: no score',
      'row 6: actor: is empty',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Download skipped rows (CSV)' }));
    expect(downloads.names).toEqual(['rows-skipped-rows.csv']);
    expect(parseCsv(await downloads.blobs[0]!.text(), { unguardFormulas: true }).rows).toEqual([
      ['problem', 'date', 'actor', 'score'],
      ['date: "2025-02-30" is not a real calendar date', '2025-02-30', 'A', '1'],
      ['score: "eleven" is not a number', '2025-01-01', 'B', 'eleven'],
      [
        'score: "7" is outside the declared scale −3…+3 (the range is not stretched to fit it)',
        '2025-01-01',
        'C',
        '7',
      ],
      ['row: has 2 fields, but the header has 3: no score', '2025-01-01', 'D'],
      ['actor: is empty', '2025-01-01', '', '1'],
    ]);
    // Back to the mapping keeps the choices; then open the valid rows.
    await user.click(within(dialog).getByRole('button', { name: 'Change the mapping' }));
    await user.click(
      within(await findDialog('Map the columns of rows.csv')).getByRole('button', { name: 'Open' }),
    );
    await user.click(
      within(await findDialog('Problems in rows.csv')).getByRole('button', { name: 'Open the 1 valid rows' }),
    );
    expect(
      await screen.findByText('Opened rows.csv: 1 observation, 1 actor; 5 left out.'),
    ).toBeInTheDocument();
  });

  it('reports a quote that is never closed', async () => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(
      fileInput(),
      csvFile('date,actor,score,quote\n2025-01-01,A,1,"never closed\n2025-01-02,B,1,x\n', 'open-quote.csv'),
    );
    const dialog = await findDialog('Map the columns of open-quote.csv');
    expect(dialog).toHaveTextContent(
      'line 2: a quoted field is never closed (the file may be truncated, or a quote is missing)',
    );
  });

  it('maps the real GDELT sample as a new user would: per-country series with Goldstein flipped', async () => {
    const { user } = renderApp();
    await bundledOpen();
    await user.upload(fileInput(), csvFile(gdeltCsv, 'gdelt-events-2020-11-13_15-sample.csv'));
    const dialog = await findDialog('Map the columns of gdelt-events-2020-11-13_15-sample.csv');
    expect(within(dialog).getByRole('combobox', { name: 'Date (required)' })).toHaveDisplayValue('SQLDATE');
    expect(within(dialog).getByRole('combobox', { name: 'Actor (required)' })).toHaveDisplayValue(
      'Actor1Name',
    );
    expect(within(dialog).getByRole('combobox', { name: 'Group actors by' })).toHaveDisplayValue(
      'Actor1CountryCode',
    );
    expect(within(dialog).getByRole('combobox', { name: 'Score (required)' })).toHaveDisplayValue(
      'GoldsteinScale',
    );
    expect(within(dialog).getByRole('radio', { name: /more conciliatory or cooperative/ })).toBeChecked();
    // First row: CHINA, Goldstein 3.0 (cooperative) → −0.9 on the hawkish axis.
    expect(within(within(dialog).getByRole('table')).getAllByRole('row')[1]).toHaveTextContent(
      '2020-11-13CHINA (CHINA)3−0.9',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect(
      await screen.findByText('Opened gdelt-events-2020-11-13_15-sample.csv: 2,000 observations, 35 actors.'),
    ).toBeInTheDocument();
    // The new dataset is drawn in a background render just after the notice.
    await waitFor(() => expect(legendNames().slice(0, 2)).toEqual(['UNITED STATES', 'RUSSIA']));
  });
});
