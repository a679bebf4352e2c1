using System.Text;

namespace Portal.Engine.Import;

/// <summary>
/// Streams the records of a delimited text file (RFC 4180 when <c>quoted</c>): fields separated by one character,
/// a field in double quotes may hold the delimiter, line breaks and doubled quotes (<c>""</c>). Each record carries
/// the line it starts on, so problems can be reported by line. Only one record is held at a time; the file's text
/// never is. Lenient where RFC 4180 is strict and the intent is clear (text after a closing quote is kept); a quote
/// that is never closed makes one record with an error that swallows the rest of the file, as any CSV reader would.
/// </summary>
public sealed class DelimitedReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly bool _quoted;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly List<string> _fields = new(16);
    private char[] _field = new char[256];
    private int _fieldLength;
    private int _position;
    private int _length;
    private int _line = 1;

    /// <param name="quoted">Whether double quotes delimit fields (CSV); false reads every character literally (MovieLens' u.data, u.item).</param>
    public DelimitedReader(TextReader reader, char delimiter, bool quoted)
    {
        _reader = reader;
        _delimiter = delimiter;
        _quoted = quoted;
    }

    /// <summary>Opens a file for reading; UTF-8 unless told otherwise (a byte-order mark wins either way).</summary>
    public static DelimitedReader Open(string path, char delimiter, bool quoted, Encoding? encoding = null) =>
        new(new StreamReader(path, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan }), delimiter, quoted);

    /// <summary>Every record to the end of the file. A final line break does not make an empty last record.</summary>
    public IEnumerable<DelimitedRecord> Records()
    {
        while (TryRead(out var record))
        {
            yield return record;
        }
    }

    public bool TryRead(out DelimitedRecord record)
    {
        record = null!;
        if (Peek() < 0)
        {
            return false;
        }

        _fields.Clear();
        _fieldLength = 0;
        var start = _line;
        var inQuotes = false;
        var afterQuote = false;
        while (true)
        {
            var c = Read();
            if (c < 0)
            {
                if (inQuotes)
                {
                    EndField();
                    record = new DelimitedRecord(start, [.. _fields], $"a quoted field opened on line {start} is never closed");
                    return true;
                }

                EndField();
                break;
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Read();
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        _line++;
                    }

                    Append((char)c);
                }

                continue;
            }

            if (c == _delimiter)
            {
                EndField();
                afterQuote = false;
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && Peek() == '\n')
                {
                    Read();
                }

                _line++;
                EndField();
                break;
            }
            else if (c == '"' && _quoted && _fieldLength == 0 && !afterQuote)
            {
                inQuotes = true;
            }
            else
            {
                Append((char)c);
            }
        }

        record = new DelimitedRecord(start, [.. _fields]);
        return true;
    }

    public void Dispose() => _reader.Dispose();

    private void Append(char c)
    {
        if (_fieldLength == _field.Length)
        {
            Array.Resize(ref _field, _field.Length * 2);
        }

        _field[_fieldLength++] = c;
    }

    private void EndField()
    {
        _fields.Add(_fieldLength == 0 ? "" : new string(_field, 0, _fieldLength));
        _fieldLength = 0;
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Read()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
