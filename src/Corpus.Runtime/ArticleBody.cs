partial class Article
{
    /// <summary>
    /// The values of an article that come from its body record: read on first use of any of them, with the other
    /// bodies of its group (see <see cref="ArticleStore.Chunk.Body"/>).
    /// </summary>
    internal sealed class ArticleBody
    {
        private readonly int[] _layout;
        private global::System.Collections.Generic.IReadOnlyList<ArticleSection>? _sections;
        private global::System.Collections.Generic.IReadOnlyList<string>? _paragraphs;

        // The text and the lead are cut at once; the sections and paragraphs are cut out of the text on first use.
        internal ArticleBody(
            string text, string? lead, int[] layout, ArticleImage[] images, ArticleMedia[] media, string[] tags, string[] categories)
        {
            Text = text;
            Lead = lead;
            _layout = layout;
            Images = global::System.Array.AsReadOnly(images);
            Media = global::System.Array.AsReadOnly(media);
            Tags = global::System.Array.AsReadOnly(tags);
            Categories = global::System.Array.AsReadOnly(categories);
        }

        public string? Lead { get; }
        public global::System.Collections.Generic.IReadOnlyList<ArticleSection> Sections => _sections ?? LoadSections(out _);
        public global::System.Collections.Generic.IReadOnlyList<string> Paragraphs => _paragraphs ?? LoadParagraphs();
        public string Text { get; }
        public global::System.Collections.Generic.IReadOnlyList<ArticleImage> Images { get; }
        public global::System.Collections.Generic.IReadOnlyList<ArticleMedia> Media { get; }
        public global::System.Collections.Generic.IReadOnlyList<string> Tags { get; }
        public global::System.Collections.Generic.IReadOnlyList<string> Categories { get; }

        /// <summary>
        /// The sections of a body's text: every block is cut out of the text where the generator's join (ArticleText.Join)
        /// put it. The layout is the lead's length, the number of sections, then per section the heading's length, the
        /// number of paragraphs and their lengths (-1: a null block).
        /// </summary>
        internal static ArticleSection[] ReadSections(int[] layout, string text, global::System.Collections.Generic.List<string> paragraphs)
        {
            var index = 0;
            var position = 0;
            NextBlock(text, ref position, layout[index++]);
            var sections = new ArticleSection[layout[index++]];
            for (var i = 0; i < sections.Length; i++)
            {
                var heading = NextBlock(text, ref position, layout[index++]);
                var sectionParagraphs = new string[layout[index++]];
                for (var p = 0; p < sectionParagraphs.Length; p++)
                {
                    sectionParagraphs[p] = NextBlock(text, ref position, layout[index++])!;
                    paragraphs.Add(sectionParagraphs[p]);
                }

                sections[i] = new ArticleSection(heading, sectionParagraphs);
            }

            return sections;
        }

        /// <summary>The next block of a text joined with blank lines (a length of -1 is a null block); null and empty blocks were not joined.</summary>
        internal static string? NextBlock(string text, ref int position, int length)
        {
            if (length < 0)
            {
                return null;
            }

            if (length == 0)
            {
                return string.Empty;
            }

            if (position > 0)
            {
                position += 2;
            }

            var block = text.Substring(position, length);
            position += length;
            return block;
        }

        // An out parameter, not a value tuple: .NET Framework 4.6.2 has no System.ValueTuple.
        private global::System.Collections.Generic.IReadOnlyList<ArticleSection> LoadSections(out global::System.Collections.Generic.IReadOnlyList<string> paragraphs)
        {
            var list = new global::System.Collections.Generic.List<string>();
            var sections = ReadSections(_layout, Text, list);
            paragraphs = _paragraphs = list.AsReadOnly();
            return _sections = global::System.Array.AsReadOnly(sections);
        }

        private global::System.Collections.Generic.IReadOnlyList<string> LoadParagraphs()
        {
            LoadSections(out var paragraphs);
            return paragraphs;
        }
    }
}
