partial class ArticleStore
{
    /// <summary>
    /// One chunk's data class, in slot order (by Id): H{slot} holds the headers of the articles from that slot to the next
    /// H constant, T{slot} their bodies each followed by its text, Html every article's HTML template. A constant is copied out of
    /// metadata when first read, a group at a time (why groups: Corpus.Generator's docs/architecture.md, Storage).
    /// </summary>
    internal sealed class Chunk
    {
        internal const string Absent = "The corpus data is only part of full builds, not of design-time (IDE) compilations.";

        private readonly global::System.Reflection.FieldInfo[] _bodies;
        private readonly int[] _bodyStarts;
        private readonly global::System.Reflection.FieldInfo? _html;
        private readonly Article.ArticleBody?[] _read;
        private string? _htmlValue;

        private Chunk(int slots, global::System.Reflection.FieldInfo[] headers, global::System.Reflection.FieldInfo[] bodies, int[] bodyStarts, global::System.Reflection.FieldInfo? html)
        {
            Slots = slots;
            Headers = headers;
            _bodies = bodies;
            _bodyStarts = bodyStarts;
            _html = html;
            _read = new Article.ArticleBody?[slots];
        }

        public int Slots { get; }

        public global::System.Reflection.FieldInfo[] Headers { get; }

        private string Html => _htmlValue ??= Read(_html ?? throw new global::System.InvalidOperationException(Absent));

        // The trimmer keeps the chunk classes whole: the store's data class is annotated for its non-public nested types.
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The chunk classes are the non-public nested types of the data class, which ArticleStore annotates with DynamicallyAccessedMembers(NonPublicNestedTypes): the trimmer keeps them with all their members.")]
#endif
        public static Chunk Load(global::System.Type type, int slots)
        {
            // One GetFields per class. Its order is not documented, so the fields are ordered by the slot in their names.
            var headers = new global::System.Collections.Generic.SortedList<int, global::System.Reflection.FieldInfo>();
            var bodies = new global::System.Collections.Generic.SortedList<int, global::System.Reflection.FieldInfo>();
            global::System.Reflection.FieldInfo? html = null;
            foreach (var field in type.GetFields(global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static))
            {
                var name = field.Name;
                if (name == DataNames.Html)
                {
                    html = field;
                }
                else if (name.Length > 1 && (name[0] == DataNames.Headers || name[0] == DataNames.Bodies)
                    && int.TryParse(name.Substring(1), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var slot)
                    && slot < slots)
                {
                    (name[0] == DataNames.Headers ? headers : bodies)[slot] = field;
                }
            }

            if (headers.Count == 0 || bodies.Count == 0 || headers.Keys[0] != 0 || bodies.Keys[0] != 0)
            {
                throw new global::System.InvalidOperationException(Absent);
            }

            var bodyStarts = new int[bodies.Count];
            bodies.Keys.CopyTo(bodyStarts, 0);
            var bodyFields = new global::System.Reflection.FieldInfo[bodies.Count];
            bodies.Values.CopyTo(bodyFields, 0);
            var headerFields = new global::System.Reflection.FieldInfo[headers.Count];
            headers.Values.CopyTo(headerFields, 0);
            return new Chunk(slots, headerFields, bodyFields, bodyStarts, html);
        }

        public static string Read(global::System.Reflection.FieldInfo field) => field.GetRawConstantValue() as string ?? string.Empty;

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
            var reader = new RecordReader(Read(_bodies[group]), 0);
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
