extern alias CorpusRuntime;

using System.Linq;
using System.Reflection;
using Constants = CorpusRuntime::CompiledConstants;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The one reader of the generated constants: read in place through the metadata (the runtime sources are compiled
/// with CORPUS_IN_PLACE for .NET) once reflection has copied its budget, and by reflection (until then, and NativeAOT's
/// and netstandard2.0's path), the same characters.
/// </summary>
public sealed class CompiledConstantsTests
{
    [Fact]
    public void In_place_and_by_reflection_every_constant_has_the_characters_the_compiler_stored()
    {
        var inPlace = new Constants(typeof(Data), inPlace: true, copiesBeforeInPlace: 0);
        var reflection = new Constants(typeof(Data), inPlace: false, copiesBeforeInPlace: 0);
        // The metadata is opened on the first read, not before.
        Assert.False(inPlace.ReadsInPlace);

        var expected = typeof(Data.Chunk0000).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        Assert.Equal(6, expected.Count);
        foreach (var constants in new[] { inPlace, reflection })
        {
            var read = constants.Of("Chunk0000")!.Where(c => c.Name != nameof(Data.Chunk0000.Number)).ToDictionary(c => c.Name, c => c.Read().ToString());
            Assert.Equal(expected, read);
        }

        Assert.True(inPlace.ReadsInPlace);
        Assert.False(reflection.ReadsInPlace);
    }

    [Fact]
    public void Constants_are_copied_by_reflection_until_the_copies_reach_the_budget_then_read_in_place()
    {
        // A budget of the Ascii constant's 15 characters: its read is a copy, and the reads after it are in place.
        var constants = new Constants(typeof(Data), inPlace: true, copiesBeforeInPlace: Data.Chunk0000.Ascii.Length);
        var chunk = constants.Of("Chunk0000")!;
        var ascii = chunk.Single(c => c.Name == nameof(Data.Chunk0000.Ascii));
        var chinese = chunk.Single(c => c.Name == nameof(Data.Chunk0000.Chinese));

        var copied = ascii.Read();
        Assert.Equal(Data.Chunk0000.Ascii, copied.ToString());
        Assert.True(IsCopy(copied));
        Assert.False(constants.ReadsInPlace);

        var inPlace = chinese.Read();
        Assert.True(constants.ReadsInPlace);
        Assert.False(IsCopy(inPlace));
        Assert.Equal(Data.Chunk0000.Chinese, inPlace.ToString());
        // A constant copied before is read in place from then on too, with the same characters.
        Assert.False(IsCopy(ascii.Read()));
        Assert.Equal(Data.Chunk0000.Ascii, ascii.Read().ToString());
        // A header group's kept copy is kept: by reflection Keep copies once.
        Assert.Equal(Data.Chunk0000.Odd, chunk.Single(c => c.Name == nameof(Data.Chunk0000.Odd)).Keep().ToString());
    }

    [Fact]
    public void Under_the_budget_nothing_is_read_in_place_and_kept_copies_are_made_once()
    {
        // The default budget (the tests' runtime configuration sets the switch that makes it 0).
        var constants = new Constants(typeof(Data), inPlace: true, copiesBeforeInPlace: Constants.CopiesBeforeInPlace);
        var html = constants.Of("Chunk0000")!.Single(c => c.Name == nameof(Data.Chunk0000.Html));

        var kept = html.Keep();
        Assert.True(IsCopy(kept));
        Assert.Same(kept.ToString(), html.Keep().ToString());
        Assert.NotSame(html.Read().ToString(), html.Read().ToString());
        Assert.False(constants.ReadsInPlace);
    }

    // Whether the characters are a string copied out of the metadata (by reflection), not a place in the image.
    private static bool IsCopy(CorpusRuntime::CompiledConstants.Chars chars) =>
        typeof(CorpusRuntime::CompiledConstants.Chars).GetField("_copy", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(chars) is string;

    [Fact]
    public void A_value_is_cut_out_of_a_constant_where_it_lies()
    {
        var chars = new Constants(typeof(Data), inPlace: true, copiesBeforeInPlace: 0).Of("Chunk0000")!.Single(c => c.Name == nameof(Data.Chunk0000.Chinese)).Read();

        Assert.Equal(Data.Chunk0000.Chinese.Length, chars.Length);
        Assert.Equal("中文", chars.Cut(1, 2));
        Assert.Equal('\uD83D', chars[3]);
        Assert.Equal('\0', chars[5]);
        Assert.Equal(string.Empty, chars.Cut(4, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => chars.Cut(4, Data.Chunk0000.Chinese.Length));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_run_is_found_where_it_lies_within_the_bounds_only(bool inPlace)
    {
        var chars = new Constants(typeof(Data), inPlace, copiesBeforeInPlace: 0).Of("Chunk0000")!.Single(c => c.Name == nameof(Data.Chunk0000.Runs)).Read();
        Assert.Equal(!inPlace, IsCopy(chars));

        // "中文中文中" from 0 to 5: the run at 0 and 2, not at 4 (it would end past 5).
        Assert.Equal(0, chars.IndexOf("中文", 0, 5));
        Assert.Equal(2, chars.IndexOf("中文", 1, 5));
        Assert.Equal(-1, chars.IndexOf("中文", 3, 5));
        Assert.Equal(4, chars.IndexOf("中文", 3, 6));
        Assert.Equal(-1, chars.IndexOf("中文", 0, 1));
        Assert.Equal(-1, chars.IndexOf("中文", 5, 5));
        Assert.Equal(-1, chars.IndexOf("中文", 0, chars.Length + 1));
        Assert.Equal(-1, chars.IndexOf("中文", -1, 5));
        Assert.Equal(chars.Length - 2, chars.IndexOf("\uD83D\uDE00", 0, chars.Length));

        // Counted from every start, overlapping ones too, within the bounds.
        Assert.Equal(3, chars.Count("中文", 0, chars.Length));
        Assert.Equal(2, chars.Count("文中", 0, chars.Length));
        Assert.Equal(2, chars.Count("中文中", 0, chars.Length));
        Assert.Equal(1, chars.Count("中文", 1, 5));
        Assert.Equal(0, chars.Count("中文x", 0, 6));
    }

    [Fact]
    public void A_class_that_is_not_there_has_no_constants()
    {
        Assert.Null(new Constants(typeof(Data), inPlace: true).Of("Chunk0001"));
        Assert.Null(new Constants(typeof(Data), inPlace: false).Of("Chunk0001"));
    }

    private static class Data
    {
        internal static class Chunk0000
        {
            internal const string Empty = "";
            internal const string Ascii = "12:Hello, world";
            internal const string Chinese = "a中文\uD83D\uDE00\0b";
            internal const string Odd = "x";
            internal const string Html = "<p>`0;3;</p>";
            internal const string Runs = "中文中文中文x\uD83D\uDE00";
            internal const int Number = 42;
        }
    }
}
