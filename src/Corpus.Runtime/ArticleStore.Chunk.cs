partial class ArticleStore
{
    /// <summary>
    /// One chunk's data class, in slot order (by Id): H{slot} holds the headers of the articles from that slot to the next
    /// H constant, T{slot} their bodies each followed by its text, Html every article's HTML template. The constants
    /// are found and read by <see cref="CompiledConstants"/>, where they lie where it can (why groups:
    /// Corpus.Generator's docs/architecture.md, Storage).
    /// </summary>
    internal sealed class Chunk
    {
        internal const string Absent = "The corpus data is only part of full builds, not of design-time (IDE) compilations.";

        private readonly CompiledConstants.Constant[] _bodies;
        private readonly int[] _bodyStarts;
        private readonly CompiledConstants.Constant? _html;
        private readonly Article.ArticleBody?[] _read;
        private string? _htmlValue;

        private Chunk(int slots, CompiledConstants.Constant[] headers, CompiledConstants.Constant[] bodies, int[] bodyStarts, CompiledConstants.Constant? html)
        {
            Slots = slots;
            Headers = headers;
            _bodies = bodies;
            _bodyStarts = bodyStarts;
            _html = html;
            _read = new Article.ArticleBody?[slots];
        }

        public int Slots { get; }

        /// <summary>The header constants, in slot order.</summary>
        public CompiledConstants.Constant[] Headers { get; }

        private string Html => _htmlValue ??= (_html ?? throw new global::System.InvalidOperationException(Absent)).Chars.ToString();

        /// <summary>The chunk's constants, ordered by the slot in their names (the order of the fields is not documented).</summary>
        public static Chunk Load(CompiledConstants.Constant[] constants, int slots)
        {
            var headers = new global::System.Collections.Generic.SortedList<int, CompiledConstants.Constant>();
            var bodies = new global::System.Collections.Generic.SortedList<int, CompiledConstants.Constant>();
            CompiledConstants.Constant? html = null;
            foreach (var constant in constants)
            {
                var name = constant.Name;
                if (name == DataNames.Html)
                {
                    html = constant;
                }
                else if (name.Length > 1 && (name[0] == DataNames.Headers || name[0] == DataNames.Bodies)
                    && int.TryParse(name.Substring(1), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var slot)
                    && slot < slots)
                {
                    (name[0] == DataNames.Headers ? headers : bodies)[slot] = constant;
                }
            }

            if (headers.Count == 0 || bodies.Count == 0 || headers.Keys[0] != 0 || bodies.Keys[0] != 0)
            {
                throw new global::System.InvalidOperationException(Absent);
            }

            var bodyStarts = new int[bodies.Count];
            bodies.Keys.CopyTo(bodyStarts, 0);
            var bodyConstants = new CompiledConstants.Constant[bodies.Count];
            bodies.Values.CopyTo(bodyConstants, 0);
            var headerConstants = new CompiledConstants.Constant[headers.Count];
            headers.Values.CopyTo(headerConstants, 0);
            return new Chunk(slots, headerConstants, bodyConstants, bodyStarts, html);
        }

        /// <summary>An article's HTML, from its template in the chunk's HTML constant (its articles' templates, one after the other) and its text.</summary>
        public string ReadHtml(int offset, int length, string text) => RecordReader.ReadHtml(Html, offset, length, text);

        /// <summary>The body of the article in <paramref name="slot"/>: its group's constant is read once and cut into every body of the group.</summary>
        public Article.ArticleBody Body(int slot)
        {
            var body = global::System.Threading.Volatile.Read(ref _read[slot]);
            if (body is not null)
            {
                return body;
            }

            var group = global::System.Array.BinarySearch(_bodyStarts, slot);
            group = group >= 0 ? group : ~group - 1;
            var end = group + 1 < _bodyStarts.Length ? _bodyStarts[group + 1] : Slots;
            var reader = new RecordReader(_bodies[group].Chars, 0);
            for (var i = _bodyStarts[group]; i < end; i++)
            {
                var read = reader.ReadBody();
                // Another thread may have read the same group: the first body stored is the one everybody gets.
                read = global::System.Threading.Interlocked.CompareExchange(ref _read[i], read, null) ?? read;
                if (i == slot)
                {
                    body = read;
                }
            }

            return body ?? throw new global::System.InvalidOperationException(Absent);
        }
    }
}
