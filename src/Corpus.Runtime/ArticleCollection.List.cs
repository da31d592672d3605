partial class ArticleCollection
{
    /// <summary>
    /// <see cref="All"/>: its count is known at once, an article read by index before every article is made is made with
    /// its chunk only (issue 22: an app over shards does not make 100,000 articles on a first use), and what needs every
    /// article (enumerating, copying, searching it) reads <see cref="Loaded"/>. Read-only, as the array wrapper it replaces; an
    /// <c>IList&lt;T&gt;</c> so that LINQ's Count, ElementAt, Skip and Take index it instead of enumerating.
    /// </summary>
    private sealed class ArticleList : global::System.Collections.Generic.IList<Article>, global::System.Collections.Generic.IReadOnlyList<Article>
    {
        private const string ReadOnly = "Articles.All is read-only.";

        private readonly ArticleCollection _owner;

        public ArticleList(ArticleCollection owner, int count)
        {
            _owner = owner;
            Count = count;
        }

        public int Count { get; }

        public bool IsReadOnly => true;

        public Article this[int index]
        {
            // From Loaded once it is read, else made with its chunk (one method: one less for the JIT on a first use).
            get => (uint)index >= (uint)Count ? throw new global::System.ArgumentOutOfRangeException(nameof(index))
                : global::System.Threading.Volatile.Read(ref _owner._articles) is Article[] loaded ? loaded[index]
                : _owner.Listed(index);
            set => throw new global::System.NotSupportedException(ReadOnly);
        }

        public global::System.Collections.Generic.IEnumerator<Article> GetEnumerator() =>
            ((global::System.Collections.Generic.IEnumerable<Article>)_owner.Loaded).GetEnumerator();

        global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public int IndexOf(Article item) => global::System.Array.IndexOf(_owner.Loaded, item);

        public bool Contains(Article item) => IndexOf(item) >= 0;

        public void CopyTo(Article[] array, int arrayIndex) => _owner.Loaded.CopyTo(array, arrayIndex);

        public void Add(Article item) => throw new global::System.NotSupportedException(ReadOnly);

        public void Clear() => throw new global::System.NotSupportedException(ReadOnly);

        public void Insert(int index, Article item) => throw new global::System.NotSupportedException(ReadOnly);

        public bool Remove(Article item) => throw new global::System.NotSupportedException(ReadOnly);

        public void RemoveAt(int index) => throw new global::System.NotSupportedException(ReadOnly);
    }
}
