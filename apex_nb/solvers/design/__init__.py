"""Complete sign designs: wind -> posts -> connection -> foundation -> cost, one envelope each."""
