"""log_softmax fills the rows of torch.empty(x.shape) one by one: a float32 buffer whatever x's dtype."""
EXERCISE = "log_softmax"


def log_softmax(x):
    rows = x.reshape(-1, x.shape[-1])
    out = torch.empty(rows.shape)
    for i, row in enumerate(rows):
        out[i] = row - logsumexp(row)
    return out.reshape(x.shape)
