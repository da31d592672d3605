using System;
using System.Linq;
using Corpus.Generator.Search;
using CsCheck;

namespace Corpus.Generator.Tests.Search;

/// <summary>The index's codec: bytes packed into a constant's characters, varints and strings, read back as written.</summary>
public sealed class SearchIndexFormatTests
{
    [Fact]
    public void Packed_bytes_are_ideographs_only_and_two_characters_of_length_then_15_bits_a_character()
    {
        // That they read back is the runtime's reader's test (Runtime/SearchIndexDataTests): it reads them where they lie.
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var packed = SearchIndexFormat.Pack(bytes, bytes.Length);
            Assert.All(packed, c => Assert.InRange(c, '\u4E00', '\uCDFF'));
            Assert.Equal(2 + (((bytes.Length * 8) + 14) / 15), packed.Length);
        });
    }

    [Fact]
    public void Varints_and_strings_round_trip()
    {
        Gen.Select(Gen.Int[0, int.MaxValue].Array[0, 50], Gen.Long[0, long.MaxValue].Array[0, 20], Gen.String).Sample((ints, longs, text) =>
        {
            var writer = new VarintWriter();
            foreach (var value in ints)
            {
                writer.Write(value);
            }

            foreach (var value in longs)
            {
                writer.Write(value);
            }

            writer.Write(text);
            var data = writer.ToArray();
            var at = 0;
            Assert.Equal(ints, ints.Select(_ => SearchIndexFormat.ReadInt(data, ref at)).ToArray());
            Assert.Equal(longs, longs.Select(_ => SearchIndexFormat.ReadLong(data, ref at)).ToArray());
            Assert.Equal(text, SearchIndexFormat.ReadString(data, ref at));
            Assert.Equal(data.Length, at);
        });
    }

    [Fact]
    public void Bit_codes_round_trip_in_any_mix()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 200_000], Gen.Int[0, 15]).Array[0, 60].Sample(values =>
        {
            var writer = new BitWriter();
            foreach (var (kind, value, k) in values)
            {
                switch (kind)
                {
                    case 0: writer.Rice(value, k); break;
                    case 1: writer.Gamma(value + 1); break;
                    case 2: writer.Below(value, value + k + 1); break;
                    default: writer.Bits(value & 0x7FFF, 15); break;
                }
            }

            var reader = new SearchIndexFormat.BitReader(writer.ToArray(), 0);
            foreach (var (kind, value, k) in values)
            {
                var read = kind switch
                {
                    0 => reader.Rice(k),
                    1 => reader.Gamma() - 1,
                    2 => reader.Below(value + k + 1),
                    _ => reader.Bits(15),
                };
                Assert.Equal(kind == 3 ? value & 0x7FFF : value, read);
            }
        });
    }

    [Fact]
    public void Rice_codes_of_every_parameter_are_read_or_skipped_as_written_escapes_and_the_data_s_end_included()
    {
        // Parameters up to a position's (30), quotients past MaxUnary (the gamma escape), runs of codes skipped at once
        // (a document's positions a query does not need), each run followed by a marker that must come back in place.
        var value = Gen.Select(Gen.Int[0, int.MaxValue / 2], Gen.Int[0, 30], (raw, shift) => raw >> shift);
        Gen.Select(Gen.Int[0, 30], value.Array[1, 12], Gen.Bool).Array[0, 40].Sample(runs =>
        {
            var writer = new BitWriter();
            foreach (var (k, values, _) in runs)
            {
                foreach (var written in values)
                {
                    writer.Rice(written, k);
                }

                writer.Bits(0x5A5A, 15);
            }

            var reader = new SearchIndexFormat.BitReader(writer.ToArray(), 0);
            foreach (var (k, values, skip) in runs)
            {
                if (skip)
                {
                    reader.SkipRice(k, values.Length);
                }
                else
                {
                    Assert.Equal(values, values.Select(_ => reader.Rice(k)).ToArray());
                }

                Assert.Equal(0x5A5A, reader.Bits(15));
            }
        });
    }

    [Fact]
    public void Gamma_codes_of_every_width_come_back_and_a_run_of_zeros_past_31_stops_there()
    {
        Gen.Int[1, int.MaxValue].Array[0, 60].Sample(values =>
        {
            var writer = new BitWriter();
            foreach (var value in values)
            {
                writer.Gamma(value);
            }

            var reader = new SearchIndexFormat.BitReader(writer.ToArray(), 0);
            Assert.Equal(values, values.Select(_ => reader.Gamma()).ToArray());
        });

        // Corrupt data (only zeros): 31 zeros are read, then 31 bits of value, as the bit-by-bit reading did.
        var zeros = new SearchIndexFormat.BitReader(new byte[16], 0);
        Assert.Equal(int.MinValue, zeros.Gamma());
        Assert.Equal(0, zeros.Bits(8));
    }

    [Fact]
    public void A_bit_writer_appends_to_a_buffer_what_it_returns_as_bytes_at_every_length_and_after_a_clear()
    {
        // One writer for every length, as the index writer reuses it from term to term; its array grows on the way.
        var writer = new BitWriter();
        for (var length = 0; length <= 3000; length++)
        {
            writer.Clear();
            for (var left = length; left > 0; left -= 7)
            {
                writer.Bits(0x55 ^ left, Math.Min(7, left));
            }

            var target = new VarintWriter();
            target.Write(5);
            writer.WriteTo(target);
            var bytes = writer.ToArray();
            Assert.Equal((length + 7) / 8, bytes.Length);
            Assert.Equal([5, .. bytes], target.ToArray());
        }
    }

    [Fact]
    public void Bits_appended_from_bytes_at_any_offset_are_the_bits_written_one_by_one()
    {
        // What the writer does with the analysis's coded positions: any length, after any number of bits held.
        var random = new Random(23);
        for (var round = 0; round < 2000; round++)
        {
            var before = random.Next(0, 70);
            var length = random.Next(0, 200);
            var bits = new bool[length];
            var source = new BitWriter();
            for (var i = 0; i < length; i++)
            {
                bits[i] = random.Next(2) == 1;
                source.Bit(bits[i]);
            }

            var appended = new BitWriter();
            var direct = new BitWriter();
            for (var i = 0; i < before; i++)
            {
                appended.Bit(i % 3 == 0);
                direct.Bit(i % 3 == 0);
            }

            appended.Append(source.ToArray(), length);
            foreach (var bit in bits)
            {
                direct.Bit(bit);
            }

            Assert.Equal(direct.Length, appended.Length);
            Assert.Equal(direct.ToArray(), appended.ToArray());
        }
    }

    [Fact]
    public void Bit_widths_are_the_position_of_the_highest_bit()
    {
        Assert.Equal(0, SearchIndexFormat.BitWidth(0));
        Assert.Equal(32, SearchIndexFormat.BitWidth(-1));
        for (var bit = 0; bit < 31; bit++)
        {
            var power = 1 << bit;
            Assert.Equal(bit + 1, SearchIndexFormat.BitWidth(power));
            Assert.Equal(bit + 1, SearchIndexFormat.BitWidth(power | (power - 1)));
            Assert.Equal(bit, SearchIndexFormat.BitWidth(power - 1));
        }

        Assert.Equal(31, SearchIndexFormat.BitWidth(int.MaxValue));
    }

    [Fact]
    public void A_truncated_varint_stops_at_the_end()
    {
        var at = 0;
        Assert.Equal(0x7F, SearchIndexFormat.ReadInt([0xFF], ref at));
        Assert.Equal(1, at);
        at = 0;
        Assert.Equal(string.Empty, SearchIndexFormat.ReadString([0x7F, 0x41], ref at));
    }

    [Theory]
    [InlineData(637_800_000_000_000_000L)]
    [InlineData(637_800_000_000_000_001L)]
    [InlineData(1L)]
    public void Dates_keep_their_ticks(long ticks)
    {
        Assert.Equal(ticks, SearchIndexFormat.TicksOf(SearchIndexFormat.DateCode(ticks)));
        Assert.Equal(long.MinValue, SearchIndexFormat.TicksOf(SearchIndexFormat.DateCode(null)));
    }
}
