using Digest.Infrastructure.Hugo;

namespace Digest.Web.CommandLine;

/// <summary>
/// Shows an import as it goes. On a terminal: one progress bar redrawn in place, with a line only for files that
/// need attention (failed, or read with notes). Into a file or a pipe: one line per file, which logs and scripts read.
/// </summary>
internal sealed class ImportProgress(TextWriter output, int total, bool interactive)
{
    private const int Width = 30;
    private int _done;
    private int _drawnPercent = -1;

    public void Report(HugoImportItem item)
    {
        _done++;
        var attention = item.Outcome == HugoImportOutcome.Failed || (item.Outcome != HugoImportOutcome.Unchanged && item.Notes.Count > 0);
        if (!interactive)
        {
            output.WriteLine($"{_done,5}  {item.Describe()}");
            WriteNotes(item);
            return;
        }

        if (attention)
        {
            output.Write("\r\u001b[K");
            output.WriteLine($"{_done,5}  {item.Describe()}");
            WriteNotes(item);
            _drawnPercent = -1;
        }

        Draw();
    }

    public void Finish()
    {
        if (interactive)
        {
            Draw(force: true);
            output.WriteLine();
        }
    }

    private void Draw(bool force = false)
    {
        var percent = total == 0 ? 100 : (int)(_done * 100L / Math.Max(total, _done));
        if (percent == _drawnPercent && !force && _done != total)
        {
            return;
        }

        _drawnPercent = percent;
        var filled = Width * percent / 100;
        output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{Math.Max(total, _done)} files ({percent}%)");
        output.Flush();
    }

    private void WriteNotes(HugoImportItem item)
    {
        foreach (var note in item.Outcome == HugoImportOutcome.Unchanged ? [] : item.Notes)
        {
            output.WriteLine($"         note: {note}");
        }
    }
}
