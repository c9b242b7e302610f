using System.Text;

namespace Digest.Web.Tests.Operations.Otlp;

/// <summary>
/// Just enough of the protobuf wire format to read what an OTLP exporter sends: the fields of a message by number,
/// nested messages read the same way. (The OTLP message classes are not a package served here; reading the wire
/// format by hand also keeps the receiver honest: it is the bytes the exporter sent.)
/// </summary>
internal sealed class Protobuf(ReadOnlyMemory<byte> bytes)
{
    public IEnumerable<(int Field, ReadOnlyMemory<byte> Value, ulong Number)> Fields()
    {
        var position = 0;
        var span = bytes;
        while (position < span.Length)
        {
            var tag = ReadVarint(span.Span, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return (field, ReadOnlyMemory<byte>.Empty, ReadVarint(span.Span, ref position));
                    break;
                case 1:
                    yield return (field, span.Slice(position, 8), BitConverter.ToUInt64(span.Span.Slice(position, 8)));
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(span.Span, ref position);
                    yield return (field, span.Slice(position, length), 0);
                    position += length;
                    break;
                case 5:
                    yield return (field, span.Slice(position, 4), BitConverter.ToUInt32(span.Span.Slice(position, 4)));
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported wire type in field {field}.");
            }
        }
    }

    public IEnumerable<Protobuf> Messages(int field) => Fields().Where(f => f.Field == field).Select(f => new Protobuf(f.Value));

    public Protobuf? Message(int field) => Messages(field).FirstOrDefault();

    public string? String(int field) => Fields().Where(f => f.Field == field).Select(f => Encoding.UTF8.GetString(f.Value.Span)).FirstOrDefault();

    public string? Hex(int field) => Fields().Where(f => f.Field == field).Select(f => Convert.ToHexStringLower(f.Value.Span)).FirstOrDefault();

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Varint too long.");
    }
}
